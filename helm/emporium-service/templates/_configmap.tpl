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
  EMPORIUM_IDENTITY_REGION: {{ required "identity.region is required (helm/environments/<env>.yaml)" .Values.identity.region | quote }}
  EMPORIUM_IDENTITY_USER_POOL_ID: {{ required "identity.userPoolId is required (helm/environments/<env>.yaml)" .Values.identity.userPoolId | quote }}
  EMPORIUM_IDENTITY_CLIENT_ID: {{ required "identity.clientId is required (helm/environments/<env>.yaml)" .Values.identity.clientId | quote }}
  {{- range $name, $port := .Values.calls }}
  EMPORIUM_{{ $name | upper }}_URL: {{ include "emporium-service.serviceUrl" (dict "root" $ "name" $name "port" $port) | quote }}
  {{- end }}
  {{- if ne .Values.logFormat "text" }}
  LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ .Values.logFormat | quote }}
  {{- end }}
  {{- range $key, $value := .Values.config }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end -}}
