variable "cluster_name" {
  description = "Name of the EKS cluster (e.g. emporium-prod)."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and node groups."
  type        = string
  default     = "1.32"
}

variable "vpc_id" {
  description = "VPC of the cluster (network module output)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, at least two AZs, for the control plane ENIs and the nodes."
  type        = list(string)
}

variable "endpoint_public_access" {
  description = "Expose the Kubernetes API endpoint publicly (restricted to public_access_cidrs). The private endpoint is always on."
  type        = bool
  default     = false
}

variable "public_access_cidrs" {
  description = "CIDRs allowed to reach the public API endpoint when endpoint_public_access is true."
  type        = list(string)
  default     = []
}

variable "cluster_log_types" {
  description = "Control plane log types sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator"]
}

variable "cluster_log_retention_days" {
  description = "Retention of the control plane logs."
  type        = number
  default     = 90
}

variable "node_groups" {
  description = "Managed node groups by name. Nodes run in subnet_ids; capacity_type ON_DEMAND or SPOT."
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gb   = optional(number, 50)
    labels         = optional(map(string), {})
  }))
}

variable "addons" {
  description = "EKS add-ons by name, with a pinned version (null: the default version for the cluster version) and configuration values (JSON; null: the module's own, e.g. vpc-cni's network policy switch)."
  type = map(object({
    version              = optional(string)
    configuration_values = optional(string)
  }))
  default = {
    "vpc-cni"                = {}
    "coredns"                = {}
    "kube-proxy"             = {}
    "eks-pod-identity-agent" = {}
    "aws-ebs-csi-driver"     = {}
  }
}

variable "network_policy" {
  description = "Enforce Kubernetes NetworkPolicies with the VPC CNI's network policy agent (vpc-cni configuration enableNetworkPolicy). The services' charts rely on it."
  type        = bool
  default     = true
}

variable "admin_principal_arns" {
  description = "IAM principals (roles of the platform team, the CI deployer) granted cluster admin through EKS access entries."
  type        = list(string)
  default     = []
}

variable "argocd_bootstrap" {
  description = "Run the one-off Argo CD bootstrap (kubectl + aws CLI on the machine running terraform) after the cluster exists. See docs/adr/0005-argocd-bootstrap-without-helm-provider.md."
  type        = bool
  default     = false
}

variable "argocd_version" {
  description = "Argo CD release installed by the bootstrap (tag of argoproj/argo-cd)."
  type        = string
  default     = "v2.14.11"
}

variable "argocd_bootstrap_path" {
  description = "Path, relative to the directory terraform runs in, of the bootstrap app-of-apps Application applied after Argo CD (argocd/bootstrap/<env>/root.yaml)."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
