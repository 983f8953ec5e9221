{{- define "emporium-service.service" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  type: ClusterIP
  selector:
    {{- include "emporium-service.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.containerPort }}
      targetPort: http
      protocol: TCP
{{- end -}}
