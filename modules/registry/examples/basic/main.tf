# A repository with the module's default lifecycle policy: untagged images expire after 7 days,
# the newest 30 tagged ones are kept, and so is the one tagged "initial".

provider "aws" {
  region = "eu-west-1"
}

module "registry" {
  source = "../.."

  repository_name = "webapp"
}

output "repository_url" {
  description = "Where to push the images"
  value       = module.registry.repository_url
}
