variable "image_tag" {
  description = "The tag a new service starts on before its first release. The first release pushes its image under this tag too when the repository has none, and the registry's lifecycle policy never expires it (see [First release of a new environment](../../docs/releases.md#first-release-of-a-new-environment)). Allowed: a Docker tag: letters, digits, _ . -, up to 128; not starting with `.` or `-`. The `service.imageTag` key of an ecsforge environment file."
  type        = string
  default     = "initial"
  nullable    = false

  validation {
    condition     = can(regex("^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$", var.image_tag))
    error_message = "\"${var.image_tag}\" is not allowed; allowed: a Docker tag: letters, digits, _ . -, up to 128"
  }
}

variable "keep_images" {
  description = "Tagged images kept by the lifecycle policy. Allowed: 1 to 1000. The `registry.keepImages` key of an ecsforge environment file."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = floor(var.keep_images) == var.keep_images
    error_message = "${var.keep_images} is not a whole number; allowed: 1 to 1000"
  }

  validation {
    condition     = var.keep_images >= 1 && var.keep_images <= 1000
    error_message = "${var.keep_images} is out of range; allowed: 1 to 1000"
  }
}

variable "repository_name" {
  description = "The ECR repository. Allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them; a single `.`, `_`, `-` or `/` between them. The `registry.repositoryName` key of an ecsforge environment file. (In a file it defaults to the `app` name.)"
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)$", var.repository_name)) && length(var.repository_name) >= 2 && length(var.repository_name) <= 256
    error_message = "\"${var.repository_name}\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them"
  }
}

variable "untagged_expiry_days" {
  description = "Days before untagged images expire. Allowed: 1 to 365. The `registry.untaggedExpiryDays` key of an ecsforge environment file."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = floor(var.untagged_expiry_days) == var.untagged_expiry_days
    error_message = "${var.untagged_expiry_days} is not a whole number; allowed: 1 to 365"
  }

  validation {
    condition     = var.untagged_expiry_days >= 1 && var.untagged_expiry_days <= 365
    error_message = "${var.untagged_expiry_days} is out of range; allowed: 1 to 365"
  }
}
