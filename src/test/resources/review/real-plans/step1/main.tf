variable "db_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "app" {
  input = {
    name     = "web"
    replicas = 2
    password = var.db_password
  }
}

resource "terraform_data" "old" {
  input = "to be removed"
}

resource "terraform_data" "renamed_src" {
  input = "moves"
}

resource "terraform_data" "tainted" {
  input = "tainted"
}

resource "terraform_data" "replaced" {
  input            = "replaced"
  triggers_replace = ["v1"]
}

output "connection" {
  value     = "postgres://admin:${var.db_password}@db"
  sensitive = true
}

output "replicas" {
  value = terraform_data.app.output.replicas
}
