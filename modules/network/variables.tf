variable "app" {
  description = "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`). Allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash. The `app` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = !strcontains(var.app, "--") && can(regex("^(?:[a-z][a-z0-9-]{0,19}[a-z0-9])$", var.app))
    error_message = "\"${var.app}\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"
  }
}

variable "availability_zones" {
  description = "The zones the subnets are in, pinned: the VPC takes these, and a zone AWS adds to the region later cannot change which zones it uses. Unpinned, it takes the region's first `azCount` available zones. Zone names map to different physical zones in different accounts, so pin them only where `aws.accountId` is known. Costs nothing. Allowed: `azCount` zones of `aws.region`, each named once, as the region's name and one letter (e.g. us-east-1a); full zones only, not Local or Wavelength Zones. The `network.availabilityZones` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.availability_zones) == 0 || length(var.availability_zones) == var.az_count
    error_message = "${length(var.availability_zones)} zones given; allowed: ${var.az_count}, one for each zone of az_count"
  }

  validation {
    condition     = alltrue([for zone in var.availability_zones : can(regex("^(?:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d[a-z])$", zone))])
    error_message = "\"${try([for zone in var.availability_zones : zone if !(can(regex("^(?:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d[a-z])$", zone)))][0], "")}\" is not allowed; allowed: an availability zone: the region's name and one letter, e.g. us-east-1a"
  }

  validation {
    condition     = length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "\"${try([for i, zone in var.availability_zones : zone if index(var.availability_zones, zone) != i][0], "")}\" is given twice; allowed: each zone once"
  }
}

variable "az_count" {
  description = "Availability zones; each gets one public and one private subnet. Allowed: 1 to 6. The `network.azCount` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = floor(var.az_count) == var.az_count
    error_message = "${var.az_count} is not a whole number; allowed: 1 to 6"
  }

  validation {
    condition     = var.az_count >= 1 && var.az_count <= 6
    error_message = "${var.az_count} is out of range; allowed: 1 to 6"
  }
}

variable "cidr" {
  description = "The VPC's block. Allowed: an IPv4 CIDR block with its host bits zero, /16 to /28; /24 or larger when the subnets are computed. The `network.cidr` key of an ecsforge environment file."
  type        = string
  default     = "10.0.0.0/16"
  nullable    = false

  validation {
    condition     = (can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0)))
    error_message = "\"${var.cidr}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) || cidrsubnet(var.cidr, 0, 0) == var.cidr, true)
    error_message = "\"${var.cidr}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet(var.cidr, 0, 0), "")}"
  }

  validation {
    condition     = try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || (tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 28), true)
    error_message = "\"${var.cidr}\" has prefix /${try(tonumber(split("/", var.cidr)[1]), "")}; allowed: a VPC of /16 to /28"
  }
}

variable "environment" {
  description = "Environment name. Allowed: 1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash; must equal the file name; not stacks or assets, the names of cdktf's own output folders. The `environment` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = !strcontains(var.environment, "--") && can(regex("^(?:[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?)$", var.environment))
    error_message = "\"${var.environment}\" is not allowed; allowed: 1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"
  }
}

variable "flow_log_kms_key_arn" {
  description = "The ARN of the customer-managed KMS key the flow log group is encrypted with, in the module's region; its policy must let `logs.<region>.amazonaws.com` use it. Empty: CloudWatch Logs' own encryption. The `network.flowLogKmsKey` key of an ecsforge environment file, where `state` names the environment's state key, which `ecsforge modules --inputs` looks up by its alias. Costs KMS requests, few: CloudWatch Logs caches data keys."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.flow_log_kms_key_arn == "" || can(regex("^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}))$", var.flow_log_kms_key_arn))
    error_message = "\"${var.flow_log_kms_key_arn}\" is not allowed; allowed: a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>"
  }
}

variable "flow_log_retention_days" {
  description = "Retention of the flow log group. Allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; a CloudWatch Logs retention. The `network.flowLogRetentionDays` key of an ecsforge environment file."
  type        = number
  default     = 90
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "${var.flow_log_retention_days} is not allowed; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"
  }
}

variable "flow_logs" {
  description = "VPC flow logs to CloudWatch Logs. The `network.flowLogs` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "nat_gateways" {
  description = "Egress for the private subnets. `none`: no NAT; private subnets reach AWS only through VPC endpoints and tasks cannot reach the internet. `single`: one NAT gateway for all zones, cheaper, but a zone outage cuts egress for every zone. `one-per-az`: survives a zone outage, costs one gateway per zone. Allowed: none, single, one-per-az; `none` needs `vpcEndpoints: true`. The `network.natGateways` key of an ecsforge environment file."
  type        = string
  default     = "single"
  nullable    = false

  validation {
    condition     = contains(["none", "single", "one-per-az"], var.nat_gateways)
    error_message = "\"${var.nat_gateways}\" is not allowed; allowed: none, single, one-per-az"
  }

  validation {
    condition     = var.nat_gateways != "none" || var.vpc_endpoints
    error_message = "none needs vpc_endpoints = true, or tasks in the private subnets cannot reach ECR, CloudWatch Logs or their secrets; allowed: nat_gateways single or one-per-az, or vpc_endpoints = true"
  }
}

variable "private_subnets" {
  description = "The private subnets. Computed, they start halfway through the VPC (`10.0.128.0/20`, `10.0.144.0/20`, ... in a `/16`), leaving room to grow. Allowed: as `publicSubnets`. The `network.privateSubnets` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.private_subnets) == 0 || length(var.private_subnets) == var.az_count
    error_message = "${length(var.private_subnets)} subnets given; allowed: ${var.az_count}, one per availability zone (az_count)"
  }

  validation {
    condition     = alltrue([for block in var.private_subnets : try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)])
    error_message = "\"${try([for block in var.private_subnets : block if !try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)][0], "")}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = alltrue([for block in var.private_subnets : try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)])
    error_message = "\"${try([for block in var.private_subnets : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], "")}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet([for block in var.private_subnets : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], 0, 0), "")}"
  }

  validation {
    condition     = alltrue([for block in var.private_subnets : try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || (tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr), true)])
    error_message = "\"${try([for block in var.private_subnets : block if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || (tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr), true)][0], "")}\" is outside the VPC ${var.cidr}; allowed: a block inside cidr"
  }

  validation {
    condition     = alltrue([for block in var.private_subnets : try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || !(tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr) || tonumber(split("/", block)[1]) <= 28, true)])
    error_message = "\"${try([for block in var.private_subnets : block if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || !(tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr) || tonumber(split("/", block)[1]) <= 28, true)][0], "")}\" is smaller than AWS allows; allowed: a subnet of /28 or larger"
  }

  validation {
    condition     = length(var.private_subnets) > 0 || length(var.public_subnets) == 0
    error_message = "0 subnets given; allowed: ${var.az_count}, one per availability zone (az_count)"
  }

  validation {
    condition     = length(var.public_subnets) > 0 || length(var.private_subnets) == 0
    error_message = "public_subnets: 0 subnets given; allowed: ${var.az_count}, one per availability zone (az_count)"
  }

  validation {
    condition     = try(length(var.private_subnets) > 0 || length(var.public_subnets) > 0 || !(((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) && tonumber(split("/", var.cidr)[1]) >= 16 && tonumber(split("/", var.cidr)[1]) <= 28) || tonumber(split("/", var.cidr)[1]) + 4 <= 28, true)
    error_message = "cidr: \"${var.cidr}\" is too small: its ${2 * var.az_count} subnets would be /${try(tonumber(split("/", var.cidr)[1]) + 4, "")}, smaller than AWS's smallest subnet (/28); allowed: a VPC of /24 or larger, or public_subnets and private_subnets listed yourself"
  }
}

variable "public_subnets" {
  description = "The public subnets. Computed, each is 1/16 of the VPC: the first `azCount` sixteenths (`10.0.0.0/20`, `10.0.16.0/20`, ... in a `/16`). Allowed: one CIDR block per zone (`azCount` of them), inside `cidr`, /28 or larger, none overlapping another subnet; give both lists or neither. The `network.publicSubnets` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.public_subnets) == 0 || length(var.public_subnets) == var.az_count
    error_message = "${length(var.public_subnets)} subnets given; allowed: ${var.az_count}, one per availability zone (az_count)"
  }

  validation {
    condition     = alltrue([for block in var.public_subnets : try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)])
    error_message = "\"${try([for block in var.public_subnets : block if !try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)][0], "")}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = alltrue([for block in var.public_subnets : try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)])
    error_message = "\"${try([for block in var.public_subnets : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], "")}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet([for block in var.public_subnets : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], 0, 0), "")}"
  }

  validation {
    condition     = alltrue([for block in var.public_subnets : try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || (tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr), true)])
    error_message = "\"${try([for block in var.public_subnets : block if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || (tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr), true)][0], "")}\" is outside the VPC ${var.cidr}; allowed: a block inside cidr"
  }

  validation {
    condition     = alltrue([for block in var.public_subnets : try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || !(tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr) || tonumber(split("/", block)[1]) <= 28, true)])
    error_message = "\"${try([for block in var.public_subnets : block if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", var.cidr)) && can(cidrhost(var.cidr, 0))) && cidrsubnet(var.cidr, 0, 0) == var.cidr) || !(tonumber(split("/", block)[1]) >= tonumber(split("/", var.cidr)[1]) && cidrsubnet(format("%s/%s", split("/", block)[0], tonumber(split("/", var.cidr)[1])), 0, 0) == var.cidr) || tonumber(split("/", block)[1]) <= 28, true)][0], "")}\" is smaller than AWS allows; allowed: a subnet of /28 or larger"
  }
}

variable "vpc_endpoints" {
  description = "S3 gateway and ECR/Logs interface endpoints. The `network.vpcEndpoints` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}
