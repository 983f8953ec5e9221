{{- define "emporium-service.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
data:
  SPRING_PROFILES_ACTIVE: {{ default .Values.env .Values.springProfiles | quote }}
  EMPORIUM_ENV: {{ .Values.env | quote }}
  AWS_REGION: {{ .Values.aws.region | quote }}
  SPRING_CLOUD_AWS_REGION_STATIC: {{ .Values.aws.region | quote }}
  SERVER_PORT: {{ .Values.containerPort | quote }}
  {{- if ne .Values.logFormat "text" }}
  LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ .Values.logFormat | quote }}
  {{- end }}
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end -}}
