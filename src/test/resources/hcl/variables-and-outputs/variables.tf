variable "name" {
  description = "Prefix of every name; \"$${var.x}\" here is text, not a reference"
  type        = string

  validation {
    condition     = length(var.name) <= 20
    error_message = "name is at most 20 characters; \"${var.name}\" is longer."
  }
}

variable "subnet_ids" {
  description = "Private subnets"
  type        = list(string)
  default     = []
}

variable "tags" {
  type = map(string)
  default = {
    managed-by = "ecsforge"
    price      = "$$${x}"
  }
  nullable = false
}

variable "settings" {
  type = object({ port = number, paths = list(string) })
  default = {
    port  = 3000
    paths = ["/", "/health"]
  }
}

variable "secret" {
  type      = string
  default   = null
  sensitive = true
}
