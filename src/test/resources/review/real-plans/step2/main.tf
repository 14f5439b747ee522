variable "db_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "app" {
  input = {
    name     = "web"
    replicas = 3
    password = var.db_password
  }
}

moved {
  from = terraform_data.renamed_src
  to   = terraform_data.renamed_dst
}

resource "terraform_data" "renamed_dst" {
  input = "moves"
}

resource "terraform_data" "tainted" {
  input = "tainted"
}

resource "terraform_data" "replaced" {
  input            = "replaced"
  triggers_replace = ["v2"]
}

resource "terraform_data" "created" {
  input = {
    subnets = ["10.0.1.0/24", "10.0.2.0/24"]
    token   = sensitive("created-token-Zr4")
  }
}

output "connection" {
  value     = "postgres://admin:${var.db_password}@db"
  sensitive = true
}

output "replicas" {
  value = terraform_data.app.output.replicas
}

output "created_id" {
  value = terraform_data.created.id
}

import {
  to = terraform_data.imported
  id = "existing-id-42"
}

resource "terraform_data" "imported" {
  input = "adopted"
}
