output "state_bucket" {
  description = "State bucket: bucket in every root's backend.hcl, state_bucket of the shared root."
  value       = module.state_backend.bucket
}

output "lock_table" {
  description = "Lock table: dynamodb_table in every root's backend.hcl."
  value       = module.state_backend.lock_table
}

output "backend_hcl" {
  description = "The backend.hcl every other root is initialised with (terraform init -backend-config=backend.hcl)."
  value       = <<-HCL
    bucket         = "${module.state_backend.bucket}"
    region         = "${var.region}"
    dynamodb_table = "${module.state_backend.lock_table}"
  HCL
}
