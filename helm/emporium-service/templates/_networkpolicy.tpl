{{/*
Default deny, then: in from the ingress controller's namespace, the ALB's addresses and Prometheus; out to
DNS, the AWS APIs (443), the OpenTelemetry collector and, when the service has one, its database (5432).
*/}}
{{- define "emporium-service.networkpolicy" -}}
{{- if .Values.networkPolicy.enabled -}}
{{- $np := .Values.networkPolicy -}}
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
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.ingressControllerNamespace }}
        {{- range $cidr := $np.albSourceCidrs }}
        - ipBlock:
            cidr: {{ $cidr }}
        {{- end }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.monitoringNamespace }}
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
