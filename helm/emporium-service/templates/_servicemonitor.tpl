{{- define "emporium-service.servicemonitor" -}}
{{- if .Values.serviceMonitor.enabled -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  selector:
    matchLabels:
      {{- include "emporium-service.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /actuator/prometheus
      interval: {{ .Values.serviceMonitor.interval }}
{{- end -}}
{{- end -}}
