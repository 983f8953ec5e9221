{{- define "emporium-service.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
  annotations:
    # IRSA: the EKS pod identity webhook gives the pods this role's credentials.
    eks.amazonaws.com/role-arn: {{ include "emporium-service.roleArn" . | quote }}
automountServiceAccountToken: false
{{- end -}}
