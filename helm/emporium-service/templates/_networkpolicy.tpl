{{/*
Default deny (enforced: the VPC CNI's network policy agent, terraform/modules/eks), then:
  in:  the ALB's addresses (the public subnets, not the whole VPC), Prometheus from the monitoring namespace, and
       the pods of the services that call this one (label emporium.io/calls-<this service>), on the http port only;
  out: DNS, HTTPS (AWS APIs and Cognito; `httpsEgressCidrs`, e.g. a payment provider), the OpenTelemetry collector,
       the services this one calls (their pods, their port) and, when the service has one, its database (5432).
*/}}
{{- define "emporium-service.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $np := .Values.networkPolicy -}}
{{- if and .Values.ingress.enabled (not $np.albSourceCidrs) -}}
{{- fail "networkPolicy.albSourceCidrs is required with the Ingress: the public subnets the ALB sends from" -}}
{{- end -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "emporium-service.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if .Values.ingress.enabled }}
    # The ALB (target type ip).
    - from:
        {{- range $cidr := $np.albSourceCidrs }}
        - ipBlock:
            cidr: {{ $cidr }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    # Prometheus.
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.monitoringNamespace }}
      ports:
        - port: http
          protocol: TCP
    # The services that call this one (their charts' `calls`).
    - from:
        - podSelector:
            matchLabels:
              emporium.io/calls-{{ include "emporium-service.name" . }}: "true"
      ports:
        - port: http
          protocol: TCP
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - to:
        - ipBlock:
            cidr: {{ $np.awsCidr }}
      ports:
        - port: 443
          protocol: TCP
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .Values.otel.namespace }}
      ports:
        - port: 4317
          protocol: TCP
        - port: 4318
          protocol: TCP
    {{- range $name, $port := .Values.calls }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ $name }}
      ports:
        - port: {{ $port }}
          protocol: TCP
    {{- end }}
    {{- range $np.httpsEgressCidrs }}
    - to:
        - ipBlock:
            cidr: {{ . }}
      ports:
        - port: 443
          protocol: TCP
    {{- end }}
    {{- if .Values.database.enabled }}
    - to:
        - ipBlock:
            cidr: {{ $np.databaseCidr }}
      ports:
        - port: {{ .Values.database.port }}
          protocol: TCP
    {{- end }}
{{- end -}}
{{- end -}}
