{{/*
The service's API behind the environment's one ALB (AWS Load Balancer Controller IngressGroup): path
/api/<service>, HTTPS when a certificate is set.
*/}}
{{- define "emporium-service.ingress" -}}
{{- if .Values.ingress.enabled -}}
{{- $ing := .Values.ingress -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
  annotations:
    alb.ingress.kubernetes.io/group.name: {{ default (printf "emporium-%s" .Values.env) $ing.groupName }}
    alb.ingress.kubernetes.io/scheme: {{ $ing.scheme }}
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/healthcheck-path: /actuator/health/readiness
    alb.ingress.kubernetes.io/success-codes: "200"
    {{- if $ing.certificateArn }}
    alb.ingress.kubernetes.io/certificate-arn: {{ $ing.certificateArn }}
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'
    alb.ingress.kubernetes.io/ssl-redirect: "443"
    {{- else }}
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}]'
    {{- end }}
spec:
  ingressClassName: {{ $ing.className }}
  rules:
    - http:
        paths:
          - path: /api/{{ include "emporium-service.name" . }}
            pathType: Prefix
            backend:
              service:
                name: {{ include "emporium-service.name" . }}
                port:
                  name: http
      {{- with $ing.host }}
      host: {{ . }}
      {{- end }}
{{- end -}}
{{- end -}}
