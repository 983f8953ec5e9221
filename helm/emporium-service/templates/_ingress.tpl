{{/*
The service's API behind the environment's one ALB (AWS Load Balancer Controller IngressGroup): path
/api/<service>, HTTPS only (no port 80 listener), reachable from CloudFront only: the security group admits
CloudFront's origin-facing prefix list and the web ACL requires the secret origin header (terraform/modules/ingress,
docs/adr/0009-alb-accepts-cloudfront-only.md). The controller keeps managing the rules that let the ALB reach
the pods.
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
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'
    alb.ingress.kubernetes.io/certificate-arn: {{ required "ingress.certificateArn is required: HTTPS only (terraform output helm_environment_values)" $ing.certificateArn }}
    alb.ingress.kubernetes.io/ssl-policy: {{ $ing.sslPolicy }}
    alb.ingress.kubernetes.io/security-groups: {{ required "ingress.securityGroupId is required: the ALB admits CloudFront only (terraform output helm_environment_values)" $ing.securityGroupId }}
    alb.ingress.kubernetes.io/manage-backend-security-group-rules: "true"
    alb.ingress.kubernetes.io/wafv2-acl-arn: {{ required "ingress.wafAclArn is required: the ALB admits CloudFront only (terraform output helm_environment_values)" $ing.wafAclArn }}
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
