{{/*
Everything a service needs, in one include: a thin chart's templates/service.yaml is just
  {{ include "emporium-service.all" . }}
Each piece is also a named template of its own, to be included one by one by a chart that needs to.
*/}}
{{- define "emporium-service.all" -}}
{{- $pieces := list "serviceaccount" "configmap" "externalsecret" "secretenv" "deployment" "service" "hpa" "scaledobject" "pdb" "networkpolicy" "servicemonitor" "ingress" -}}
{{- range $piece := $pieces }}
{{- $manifest := include (printf "emporium-service.%s" $piece) $ | trim }}
{{- if $manifest }}
---
{{ $manifest }}
{{- end }}
{{- end }}
{{- end -}}
