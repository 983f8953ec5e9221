terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Local state on the first apply (the bucket does not exist yet). Afterwards it may move into the bucket it
  # created: add backend "s3" { key = "emporium/bootstrap/terraform.tfstate" } here and run
  # terraform init -migrate-state -backend-config=backend.hcl (README.md).
}
