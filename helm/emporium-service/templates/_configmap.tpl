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
  {{- if .Values.database.enabled }}
  {{- $db := printf "%s:%v/%s" (required "database.host is required when database.enabled" .Values.database.host) .Values.database.port (include "emporium-service.databaseName" .) }}
  EMPORIUM_DB_HOST: {{ .Values.database.host | quote }}
  SPRING_R2DBC_URL: {{ printf "r2dbc:postgresql://%s" $db | quote }}
  SPRING_FLYWAY_URL: {{ printf "jdbc:postgresql://%s" $db | quote }}
  {{- end }}
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end -}}
