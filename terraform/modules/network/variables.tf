variable "name" {
  description = "Name prefix of every resource (e.g. emporium-prod)."
  type        = string
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread over (three for production)."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2
    error_message = "At least two availability zones are required (EKS and Aurora need two)."
  }
  validation {
    condition     = length(var.azs) <= 4
    error_message = "At most four availability zones: the derived public /21s share the VPC's first /19."
  }
}

variable "public_subnet_cidrs" {
  description = "CIDR of the public subnet in each AZ, in the order of azs. Empty derives /21s from the first /19 of cidr."
  type        = list(string)
  default     = []
}

variable "private_subnet_cidrs" {
  description = "CIDR of the private subnet in each AZ, in the order of azs. Empty derives the /19s after the first from cidr."
  type        = list(string)
  default     = []
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per AZ (true: survives an AZ outage) or a single shared one (false: cheaper, for dev)."
  type        = bool
  default     = true
}

variable "interface_endpoints" {
  description = "AWS services reached through interface VPC endpoints from the private subnets."
  type        = set(string)
  default     = ["ecr.api", "ecr.dkr", "sqs", "sns", "sts", "logs", "secretsmanager"]
}

variable "gateway_endpoints" {
  description = "AWS services reached through gateway VPC endpoints (free)."
  type        = set(string)
  default     = ["s3", "dynamodb"]
}

variable "cluster_name" {
  description = "EKS cluster name, tagged on subnets so the AWS Load Balancer Controller discovers them. null: no tags."
  type        = string
  default     = null
}

variable "flow_logs_retention_days" {
  description = "Retention of the VPC flow logs in CloudWatch Logs (0 disables flow logs)."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
