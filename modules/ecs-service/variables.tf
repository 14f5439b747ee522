variable "access_logs_bucket" {
  description = "Turns on the load balancer's access logs, one line a request, which Elastic Load Balancing writes to this S3 bucket every 5 minutes. The bucket is your own and is not made here: in `aws.region`, encrypted with SSE-S3 (the only encryption ELB writes with), and with a bucket policy that lets Elastic Load Balancing write: to the region's Elastic Load Balancing account in regions opened before August 2022, to the service principal `logdelivery.elasticloadbalancing.amazonaws.com` in newer ones; see [Load balancer access logs](../../docs/security.md#load-balancer-access-logs). Costs S3 storage and requests only: ELB charges nothing for writing them. Allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes; starting and ending with a letter or digit; no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3. The `loadBalancer.accessLogs.bucket` key of an ecsforge environment file. (Empty: no access logs.)"
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.access_logs_bucket == "" || can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))
    error_message = "\"${var.access_logs_bucket}\" is not allowed; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !strcontains(var.access_logs_bucket, "..")
    error_message = "\"${var.access_logs_bucket}\" has two periods in a row, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || strcontains(var.access_logs_bucket, "..") || !can(regex("^\\d{1,3}(?:\\.\\d{1,3}){3}$", var.access_logs_bucket))
    error_message = "\"${var.access_logs_bucket}\" is formatted as an IP address, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !startswith(var.access_logs_bucket, "xn--")
    error_message = "\"${var.access_logs_bucket}\" starts with xn--, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !startswith(var.access_logs_bucket, "sthree-")
    error_message = "\"${var.access_logs_bucket}\" starts with sthree-, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !startswith(var.access_logs_bucket, "amzn-s3-demo-")
    error_message = "\"${var.access_logs_bucket}\" starts with amzn-s3-demo-, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !endswith(var.access_logs_bucket, "-s3alias")
    error_message = "\"${var.access_logs_bucket}\" ends with -s3alias, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !endswith(var.access_logs_bucket, "--ol-s3")
    error_message = "\"${var.access_logs_bucket}\" ends with --ol-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !endswith(var.access_logs_bucket, ".mrap")
    error_message = "\"${var.access_logs_bucket}\" ends with .mrap, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !endswith(var.access_logs_bucket, "--x-s3")
    error_message = "\"${var.access_logs_bucket}\" ends with --x-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = var.access_logs_bucket == "" || !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.access_logs_bucket))) || !endswith(var.access_logs_bucket, "--table-s3")
    error_message = "\"${var.access_logs_bucket}\" ends with --table-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }
}

variable "access_logs_prefix" {
  description = "Where in the bucket the access logs go: under `<prefix>/AWSLogs/<account>/elasticloadbalancing/<region>/`. Allowed: an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or ending with a slash and not containing AWSLogs; needs `bucket`. The `loadBalancer.accessLogs.prefix` key of an ecsforge environment file. (Empty: the top of the bucket.)"
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.access_logs_prefix == "" || !strcontains(var.access_logs_prefix, "AWSLogs") && can(regex("^(?:[A-Za-z0-9!_.*'()-]+(?:/[A-Za-z0-9!_.*'()-]+)*)$", var.access_logs_prefix))
    error_message = "\"${var.access_logs_prefix}\" is not allowed; allowed: an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or ending with a slash and not containing AWSLogs"
  }

  validation {
    condition     = var.access_logs_prefix == "" || var.access_logs_bucket != ""
    error_message = "\"${var.access_logs_prefix}\" is set but access_logs_bucket is empty, which means no access logs; allowed: a bucket in access_logs_bucket, or no access_logs_prefix"
  }
}

variable "allowed_cidrs" {
  description = "Who may reach the production listener(s). Allowed: at least one IPv4 CIDR block with its host bits zero. The `loadBalancer.allowedCidrs` key of an ecsforge environment file."
  type        = list(string)
  default     = ["0.0.0.0/0"]
  nullable    = false

  validation {
    condition     = length(var.allowed_cidrs) > 0
    error_message = "is empty; list at least one CIDR block, e.g. [0.0.0.0/0]"
  }

  validation {
    condition     = alltrue([for block in var.allowed_cidrs : try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)])
    error_message = "\"${try([for block in var.allowed_cidrs : block if !try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)][0], "")}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = alltrue([for block in var.allowed_cidrs : try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)])
    error_message = "\"${try([for block in var.allowed_cidrs : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], "")}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet([for block in var.allowed_cidrs : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], 0, 0), "")}"
  }
}

variable "app" {
  description = "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`). Allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash. The `app` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = !strcontains(var.app, "--") && can(regex("^(?:[a-z][a-z0-9-]{0,19}[a-z0-9])$", var.app))
    error_message = "\"${var.app}\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"
  }
}

variable "autoscaling_cpu_target" {
  description = "Average CPU percentage the service is scaled to keep. Allowed: 10 to 90. The `service.autoscaling.cpuTarget` key of an ecsforge environment file."
  type        = number
  default     = 70
  nullable    = false

  validation {
    condition     = floor(var.autoscaling_cpu_target) == var.autoscaling_cpu_target
    error_message = "${var.autoscaling_cpu_target} is not a whole number; allowed: 10 to 90"
  }

  validation {
    condition     = var.autoscaling_cpu_target >= 10 && var.autoscaling_cpu_target <= 90
    error_message = "${var.autoscaling_cpu_target} is out of range; allowed: 10 to 90"
  }
}

variable "autoscaling_enabled" {
  description = "Target tracking on CPU; when `false`, `desiredCount` tasks run. The `service.autoscaling.enabled` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "autoscaling_max" {
  description = "Most tasks. Allowed: 1 to 1000. The `service.autoscaling.max` key of an ecsforge environment file."
  type        = number
  default     = 6
  nullable    = false

  validation {
    condition     = floor(var.autoscaling_max) == var.autoscaling_max
    error_message = "${var.autoscaling_max} is not a whole number; allowed: 1 to 1000"
  }

  validation {
    condition     = var.autoscaling_max >= 1 && var.autoscaling_max <= 1000
    error_message = "${var.autoscaling_max} is out of range; allowed: 1 to 1000"
  }
}

variable "autoscaling_min" {
  description = "Fewest tasks. Allowed: 1 to 1000; at most `autoscaling.max`. The `service.autoscaling.min` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = floor(var.autoscaling_min) == var.autoscaling_min
    error_message = "${var.autoscaling_min} is not a whole number; allowed: 1 to 1000"
  }

  validation {
    condition     = var.autoscaling_min >= 1 && var.autoscaling_min <= 1000
    error_message = "${var.autoscaling_min} is out of range; allowed: 1 to 1000"
  }

  validation {
    condition     = !(floor(var.autoscaling_max) == var.autoscaling_max && var.autoscaling_max >= 1 && var.autoscaling_max <= 1000) || var.autoscaling_min <= var.autoscaling_max
    error_message = "${var.autoscaling_min} is greater than autoscaling_max (${var.autoscaling_max}); allowed: 1 to ${var.autoscaling_max}"
  }
}

variable "certificate_arn" {
  description = "When set, HTTPS on 443 and HTTP on 80 redirected to it. Allowed: an ACM certificate ARN; `arn:aws:acm:<region>:<account>:certificate/<id>`, in `aws.region`. The `loadBalancer.certificateArn` key of an ecsforge environment file. (Empty: none: plain HTTP on port 80.)"
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.certificate_arn == "" || can(regex("^(?:arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+)$", var.certificate_arn))
    error_message = "\"${var.certificate_arn}\" is not allowed; allowed: an ACM certificate ARN"
  }
}

variable "container_insights" {
  description = "CloudWatch Container Insights. The `cluster.containerInsights` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "container_name" {
  description = "The container's name in the task definition. Allowed: letters, digits, _ and -, up to 255. The `service.containerName` key of an ecsforge environment file. (Empty: the `app` name.)"
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.container_name == "" || can(regex("^(?:[A-Za-z0-9_-]{1,255})$", var.container_name))
    error_message = "\"${var.container_name}\" is not allowed; allowed: letters, digits, _ and -, up to 255"
  }
}

variable "container_port" {
  description = "The port the container listens on. Allowed: 1 to 65535. The `service.containerPort` key of an ecsforge environment file."
  type        = number
  default     = 3000
  nullable    = false

  validation {
    condition     = floor(var.container_port) == var.container_port
    error_message = "${var.container_port} is not a whole number; allowed: 1 to 65535"
  }

  validation {
    condition     = var.container_port >= 1 && var.container_port <= 65535
    error_message = "${var.container_port} is out of range; allowed: 1 to 65535"
  }
}

variable "cpu" {
  description = "CPU units of the task (1024 = one vCPU). Allowed: 256, 512, 1024, 2048, 4096, 8192, 16384; a Fargate CPU size. The `service.cpu` key of an ecsforge environment file."
  type        = number
  default     = 256
  nullable    = false

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "${var.cpu} is not allowed; allowed: 256, 512, 1024, 2048, 4096, 8192, 16384"
  }
}

variable "cpu_architecture" {
  description = "The CPU architecture the image is built for. Allowed: X86_64, ARM64. The `service.cpuArchitecture` key of an ecsforge environment file."
  type        = string
  default     = "X86_64"
  nullable    = false

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "\"${var.cpu_architecture}\" is not allowed; allowed: X86_64, ARM64"
  }
}

variable "deletion_protection" {
  description = "The load balancer's deletion protection. The `loadBalancer.deletionProtection` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "desired_count" {
  description = "Running tasks when autoscaling is off. Allowed: 0 to 1000. The `service.desiredCount` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = floor(var.desired_count) == var.desired_count
    error_message = "${var.desired_count} is not a whole number; allowed: 0 to 1000"
  }

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 1000
    error_message = "${var.desired_count} is out of range; allowed: 0 to 1000"
  }
}

variable "egress" {
  description = "More that the tasks may reach, such as a database, beside HTTPS anywhere. Allowed: each with `port` and exactly one of `cidr`, `prefixListId`, `securityGroupId`; no two rules alike. The `service.egress` key of an ecsforge environment file. Each rule: `port`, `to_port` (default: `port`), `protocol` (`tcp` or `udp`, default `tcp`), exactly one of `cidr`, `prefix_list_id` and `security_group_id`, and `description`."
  type        = list(object({ port = number, to_port = optional(number), protocol = optional(string, "tcp"), cidr = optional(string), prefix_list_id = optional(string), security_group_id = optional(string), description = optional(string, "") }))
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for rule in var.egress : (floor(rule.port) == rule.port && rule.port >= 1 && rule.port <= 65535)])
    error_message = "${try([for rule in var.egress : rule.port if !(floor(rule.port) == rule.port && rule.port >= 1 && rule.port <= 65535)][0], "")} is out of range; allowed: 1 to 65535"
  }

  validation {
    condition     = alltrue([for rule in var.egress : (floor(coalesce(rule.to_port, 1)) == coalesce(rule.to_port, 1) && coalesce(rule.to_port, 1) >= 1 && coalesce(rule.to_port, 1) <= 65535)])
    error_message = "${try([for rule in var.egress : rule.to_port if !(floor(coalesce(rule.to_port, 1)) == coalesce(rule.to_port, 1) && coalesce(rule.to_port, 1) >= 1 && coalesce(rule.to_port, 1) <= 65535)][0], "")} is out of range; allowed: 1 to 65535"
  }

  validation {
    condition     = alltrue([for rule in var.egress : coalesce(rule.to_port, rule.port) >= rule.port])
    error_message = "${try([for rule in var.egress : coalesce(rule.to_port, rule.port) if coalesce(rule.to_port, rule.port) < rule.port][0], "")} is below port ${try([for rule in var.egress : rule.port if coalesce(rule.to_port, rule.port) < rule.port][0], "")}; allowed: ${try([for rule in var.egress : rule.port if coalesce(rule.to_port, rule.port) < rule.port][0], "")} to 65535"
  }

  validation {
    condition     = alltrue([for rule in var.egress : contains(["tcp", "udp"], rule.protocol)])
    error_message = "\"${try([for rule in var.egress : rule.protocol if !contains(["tcp", "udp"], rule.protocol)][0], "")}\" is not allowed; allowed: tcp, udp"
  }

  validation {
    condition     = alltrue([for rule in var.egress : length([for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) > 0])
    error_message = "has no destination; allowed: exactly one of cidr, prefix_list_id or security_group_id"
  }

  validation {
    condition     = alltrue([for rule in var.egress : length([for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) < 2])
    error_message = "has ${try([for rule in var.egress : length([for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) if length([for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) > 1][0], "")} destinations (${try([for rule in var.egress : join(", ", [for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) if length([for name, value in { cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id } : name if value != null]) > 1][0], "")}); allowed: exactly one of cidr, prefix_list_id or security_group_id, a rule each"
  }

  validation {
    condition     = alltrue([for rule in var.egress : !(rule.cidr == "0.0.0.0/0" && coalesce(rule.to_port, rule.port) != rule.port)])
    error_message = "opens ports ${try([for rule in var.egress : rule.port if rule.cidr == "0.0.0.0/0" && coalesce(rule.to_port, rule.port) != rule.port][0], "")} to ${try([for rule in var.egress : coalesce(rule.to_port, rule.port) if rule.cidr == "0.0.0.0/0" && coalesce(rule.to_port, rule.port) != rule.port][0], "")} to 0.0.0.0/0; allowed: one port to 0.0.0.0/0, or a range to a narrower CIDR block"
  }

  validation {
    condition     = alltrue([for rule in var.egress : !(rule.protocol == "tcp" && rule.port == 443 && coalesce(rule.to_port, rule.port) == 443 && rule.cidr == "0.0.0.0/0")])
    error_message = "is the HTTPS rule every service has (tcp 443 to 0.0.0.0/0); allowed: other rules only, leave this one out"
  }

  validation {
    condition     = length(distinct([for item in var.egress : try(format("%s_%d%s_%s", item.protocol, item.port, item.to_port == null || item.to_port == item.port ? "" : format("_%d", item.to_port), coalesce(item.cidr, item.prefix_list_id, item.security_group_id)), "")])) == length(var.egress)
    error_message = "\"${try([for i, key in [for item in var.egress : try(format("%s_%d%s_%s", item.protocol, item.port, item.to_port == null || item.to_port == item.port ? "" : format("_%d", item.to_port), coalesce(item.cidr, item.prefix_list_id, item.security_group_id)), "")] : key if index([for item in var.egress : try(format("%s_%d%s_%s", item.protocol, item.port, item.to_port == null || item.to_port == item.port ? "" : format("_%d", item.to_port), coalesce(item.cidr, item.prefix_list_id, item.security_group_id)), "")], key) != i][0], "")}\" is given twice; allowed: each rule once"
  }

  validation {
    condition     = alltrue([for block in [for rule in var.egress : rule.cidr if rule.cidr != null] : try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)])
    error_message = "\"${try([for block in [for rule in var.egress : rule.cidr if rule.cidr != null] : block if !try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)][0], "")}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = alltrue([for block in [for rule in var.egress : rule.cidr if rule.cidr != null] : try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)])
    error_message = "\"${try([for block in [for rule in var.egress : rule.cidr if rule.cidr != null] : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], "")}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet([for block in [for rule in var.egress : rule.cidr if rule.cidr != null] : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], 0, 0), "")}"
  }

  validation {
    condition     = alltrue([for value in [for rule in var.egress : rule.prefix_list_id if rule.prefix_list_id != null] : can(regex("^(?:pl-[0-9a-f]{8}(?:[0-9a-f]{9})?)$", value))])
    error_message = "\"${try([for value in [for rule in var.egress : rule.prefix_list_id if rule.prefix_list_id != null] : value if !(can(regex("^(?:pl-[0-9a-f]{8}(?:[0-9a-f]{9})?)$", value)))][0], "")}\" is not allowed; allowed: a managed prefix list id, pl- and 8 or 17 hex digits"
  }

  validation {
    condition     = alltrue([for value in [for rule in var.egress : rule.security_group_id if rule.security_group_id != null] : can(regex("^(?:sg-[0-9a-f]{8}(?:[0-9a-f]{9})?)$", value))])
    error_message = "\"${try([for value in [for rule in var.egress : rule.security_group_id if rule.security_group_id != null] : value if !(can(regex("^(?:sg-[0-9a-f]{8}(?:[0-9a-f]{9})?)$", value)))][0], "")}\" is not allowed; allowed: a security group id, sg- and 8 or 17 hex digits"
  }

  validation {
    condition     = alltrue([for value in [for rule in var.egress : rule.description if rule.description != ""] : can(regex("^(?:[A-Za-z0-9. _:/()#,@\\[\\]+=&;{}!$*-]{1,200})$", value))])
    error_message = "\"${try([for value in [for rule in var.egress : rule.description if rule.description != ""] : value if !(can(regex("^(?:[A-Za-z0-9. _:/()#,@\\[\\]+=&;{}!$*-]{1,200})$", value)))][0], "")}\" is not allowed; allowed: 1 to 200 letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *"
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

variable "environment_variables" {
  description = "Plain environment variables. Allowed: names: an environment variable name (letters, digits and underscores, not starting with a digit); values: strings, whole numbers or booleans (passed as text); quote a fractional number (`\"1.10\"`), which YAML would otherwise read as `1.1`. The `service.environment` key of an ecsforge environment file."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for name in keys(var.environment_variables) : can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name))])
    error_message = "\"${try([for name in keys(var.environment_variables) : name if !can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name))][0], "")}\" is not allowed; allowed: an environment variable name"
  }
}

variable "execute_command" {
  description = "ECS Exec into running tasks, logged to CloudWatch Logs. The `cluster.executeCommand` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "execution_role_arn" {
  description = "The role ECS pulls the image, reads the secrets and writes the logs with."
  type        = string
  nullable    = false
}

variable "fargate_spot_weight" {
  description = "Share of tasks on FARGATE_SPOT against FARGATE's weight of 1. Allowed: 0 to 10. The `cluster.fargateSpotWeight` key of an ecsforge environment file."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = floor(var.fargate_spot_weight) == var.fargate_spot_weight
    error_message = "${var.fargate_spot_weight} is not a whole number; allowed: 0 to 10"
  }

  validation {
    condition     = var.fargate_spot_weight >= 0 && var.fargate_spot_weight <= 10
    error_message = "${var.fargate_spot_weight} is out of range; allowed: 0 to 10"
  }
}

variable "health_check_grace_period_seconds" {
  description = "Seconds a new task has before failed health checks count. Allowed: 0 to 7200. The `service.healthCheckGracePeriodSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = floor(var.health_check_grace_period_seconds) == var.health_check_grace_period_seconds
    error_message = "${var.health_check_grace_period_seconds} is not a whole number; allowed: 0 to 7200"
  }

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 7200
    error_message = "${var.health_check_grace_period_seconds} is out of range; allowed: 0 to 7200"
  }
}

variable "health_check_path" {
  description = "The target groups' health check. Allowed: a path starting with /, e.g. /health; up to 1024 printable ASCII characters, no spaces. The `service.healthCheckPath` key of an ecsforge environment file."
  type        = string
  default     = "/health"
  nullable    = false

  validation {
    condition     = can(regex("^(?:/[\\x21-\\x7e]{0,1000}[\\x21-\\x7e]{0,23})$", var.health_check_path))
    error_message = "\"${var.health_check_path}\" is not allowed; allowed: a path starting with /, e.g. /health"
  }
}

variable "idle_timeout_seconds" {
  description = "The load balancer's idle timeout. Allowed: 1 to 4000. The `loadBalancer.idleTimeoutSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = floor(var.idle_timeout_seconds) == var.idle_timeout_seconds
    error_message = "${var.idle_timeout_seconds} is not a whole number; allowed: 1 to 4000"
  }

  validation {
    condition     = var.idle_timeout_seconds >= 1 && var.idle_timeout_seconds <= 4000
    error_message = "${var.idle_timeout_seconds} is out of range; allowed: 1 to 4000"
  }
}

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

variable "log_kms_key_arn" {
  description = "The ARN of the customer-managed KMS key the container log group is encrypted with, in the module's region; its policy must let `logs.<region>.amazonaws.com` use it. Empty: CloudWatch Logs' own encryption. The `service.logKmsKey` key of an ecsforge environment file, where `state` names the environment's state key, which `ecsforge modules --inputs` looks up by its alias. Costs KMS requests, few: CloudWatch Logs caches data keys."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.log_kms_key_arn == "" || can(regex("^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}))$", var.log_kms_key_arn))
    error_message = "\"${var.log_kms_key_arn}\" is not allowed; allowed: a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>"
  }
}

variable "log_retention_days" {
  description = "The container log group's retention. Allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; a CloudWatch Logs retention. The `service.logRetentionDays` key of an ecsforge environment file."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "${var.log_retention_days} is not allowed; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"
  }
}

variable "memory" {
  description = "Memory of the task, in MiB. Allowed: 512 to 122880; MiB that Fargate pairs with `cpu`: 256 → 512, 1024 or 2048; 512 → 1024 to 4096 in steps of 1024; 1024 → 2048 to 8192 in steps of 1024; 2048 → 4096 to 16384 in steps of 1024; 4096 → 8192 to 30720 in steps of 1024; 8192 → 16384 to 61440 in steps of 4096; 16384 → 32768 to 122880 in steps of 8192. The `service.memory` key of an ecsforge environment file."
  type        = number
  default     = 512
  nullable    = false

  validation {
    condition     = floor(var.memory) == var.memory
    error_message = "${var.memory} is not a whole number; allowed: 512 to 122880"
  }

  validation {
    condition     = var.memory >= 512 && var.memory <= 122880
    error_message = "${var.memory} is out of range; allowed: 512 to 122880"
  }

  validation {
    condition     = !(floor(var.memory) == var.memory && var.memory >= 512 && var.memory <= 122880 && contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)) || (var.cpu == 256 && contains([512, 1024, 2048], var.memory)) || (var.cpu == 512 && var.memory >= 1024 && var.memory <= 4096 && var.memory % 1024 == 0) || (var.cpu == 1024 && var.memory >= 2048 && var.memory <= 8192 && var.memory % 1024 == 0) || (var.cpu == 2048 && var.memory >= 4096 && var.memory <= 16384 && var.memory % 1024 == 0) || (var.cpu == 4096 && var.memory >= 8192 && var.memory <= 30720 && var.memory % 1024 == 0) || (var.cpu == 8192 && var.memory >= 16384 && var.memory <= 61440 && var.memory % 4096 == 0) || (var.cpu == 16384 && var.memory >= 32768 && var.memory <= 122880 && var.memory % 8192 == 0)
    error_message = "${var.memory} MiB does not pair with cpu ${var.cpu} on Fargate; allowed memory for cpu ${var.cpu}: ${lookup({ "256" = "512, 1024 or 2048", "512" = "1024 to 4096 in steps of 1024", "1024" = "2048 to 8192 in steps of 1024", "2048" = "4096 to 16384 in steps of 1024", "4096" = "8192 to 30720 in steps of 1024", "8192" = "16384 to 61440 in steps of 4096", "16384" = "32768 to 122880 in steps of 8192" }, tostring(var.cpu), "")}"
  }
}

variable "nat_public_ips" {
  description = "The public addresses requests from inside the VPC leave through, one a NAT gateway (the network module's `nat_public_ips`): the test listener admits each as a /32, as the load balancer is internet-facing and sees those requests come from them. Empty: only `test_listener_cidrs` reach the test listener."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "private_subnet_ids" {
  description = "The private subnets the tasks run in, one a zone."
  type        = list(string)
  nullable    = false
}

variable "public_subnet_ids" {
  description = "The public subnets the load balancer listens in, one a zone."
  type        = list(string)
  nullable    = false
}

variable "readonly_root_filesystem" {
  description = "Mount the container's root filesystem read-only. The `service.readonlyRootFilesystem` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "repository_url" {
  description = "The ECR repository the task's image is pulled from (`<repository_url>:<image_tag>`)."
  type        = string
  nullable    = false
}

variable "secrets" {
  description = "Environment variables injected from SSM Parameter Store or Secrets Manager (`valueFrom`). Allowed: names as `environment`, and not also set there; values: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>. The `service.secrets` key of an ecsforge environment file."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for name in keys(var.secrets) : can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name))])
    error_message = "\"${try([for name in keys(var.secrets) : name if !can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name))][0], "")}\" is not allowed; allowed: an environment variable name"
  }

  validation {
    condition     = alltrue([for arn in values(var.secrets) : can(regex("^(?:arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+))$", arn))])
    error_message = "\"${try([for arn in values(var.secrets) : arn if !can(regex("^(?:arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+))$", arn))][0], "")}\" is not an SSM parameter or Secrets Manager ARN; allowed: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>"
  }

  validation {
    condition     = length(setintersection(keys(var.secrets), keys(var.environment_variables))) == 0
    error_message = "${try(sort(setintersection(keys(var.secrets), keys(var.environment_variables)))[0], "")} is also set in environment_variables; allowed: a name in one of the two, as a plain value or as a secret"
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener. Allowed: an ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-* policy. The `loadBalancer.sslPolicy` key of an ecsforge environment file."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  nullable    = false

  validation {
    condition     = can(regex("^(?:ELBSecurityPolicy-(?:TLS13-|FS-1-2-).*)$", var.ssl_policy))
    error_message = "\"${var.ssl_policy}\" allows TLS versions older than 1.2 or non-forward-secret ciphers; allowed: an ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-* policy"
  }
}

variable "task_role_arn" {
  description = "The role the application's code runs as."
  type        = string
  nullable    = false
}

variable "test_listener_cidrs" {
  description = "Who may reach the test listener besides the NAT gateways' public addresses, which it admits unlisted: requests from inside the VPC (a CI runner, a smoke-test Lambda, a bastion) reach the internet-facing load balancer through a NAT gateway and arrive from its address. List the public egress of testers outside the VPC (an office, a VPN). With `network.natGateways: none` nothing inside the VPC can reach it. Costs nothing; each block or NAT gateway is one security group rule. Allowed: IPv4 CIDR blocks with their host bits zero, public ones: none inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or `network.cidr`. The `loadBalancer.testListenerCidrs` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for block in var.test_listener_cidrs : try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)])
    error_message = "\"${try([for block in var.test_listener_cidrs : block if !try((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))), true)][0], "")}\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"
  }

  validation {
    condition     = alltrue([for block in var.test_listener_cidrs : try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)])
    error_message = "\"${try([for block in var.test_listener_cidrs : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], "")}\" has host bits set; allowed: the block's network address, ${try(cidrsubnet([for block in var.test_listener_cidrs : block if !try(!(can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) || cidrsubnet(block, 0, 0) == block, true)][0], 0, 0), "")}"
  }

  validation {
    condition     = alltrue([for block in var.test_listener_cidrs : try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((tonumber(split("/", block)[1]) >= 8 && cidrsubnet(format("%s/8", split("/", block)[0]), 0, 0) == "10.0.0.0/8") || (tonumber(split("/", block)[1]) >= 12 && cidrsubnet(format("%s/12", split("/", block)[0]), 0, 0) == "172.16.0.0/12") || (tonumber(split("/", block)[1]) >= 16 && cidrsubnet(format("%s/16", split("/", block)[0]), 0, 0) == "192.168.0.0/16")), true)])
    error_message = "\"${try([for block in var.test_listener_cidrs : block if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((tonumber(split("/", block)[1]) >= 8 && cidrsubnet(format("%s/8", split("/", block)[0]), 0, 0) == "10.0.0.0/8") || (tonumber(split("/", block)[1]) >= 12 && cidrsubnet(format("%s/12", split("/", block)[0]), 0, 0) == "172.16.0.0/12") || (tonumber(split("/", block)[1]) >= 16 && cidrsubnet(format("%s/16", split("/", block)[0]), 0, 0) == "192.168.0.0/16")), true)][0], "")}\" is a private range (${try([for block in var.test_listener_cidrs : join("", [((tonumber(split("/", block)[1]) >= 8 && cidrsubnet(format("%s/8", split("/", block)[0]), 0, 0) == "10.0.0.0/8") ? "10.0.0.0/8" : ""), ((tonumber(split("/", block)[1]) >= 12 && cidrsubnet(format("%s/12", split("/", block)[0]), 0, 0) == "172.16.0.0/12") ? "172.16.0.0/12" : ""), ((tonumber(split("/", block)[1]) >= 16 && cidrsubnet(format("%s/16", split("/", block)[0]), 0, 0) == "192.168.0.0/16") ? "192.168.0.0/16" : "")]) if !try(!((can(regex("^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$", block)) && can(cidrhost(block, 0))) && cidrsubnet(block, 0, 0) == block) || !((tonumber(split("/", block)[1]) >= 8 && cidrsubnet(format("%s/8", split("/", block)[0]), 0, 0) == "10.0.0.0/8") || (tonumber(split("/", block)[1]) >= 12 && cidrsubnet(format("%s/12", split("/", block)[0]), 0, 0) == "172.16.0.0/12") || (tonumber(split("/", block)[1]) >= 16 && cidrsubnet(format("%s/16", split("/", block)[0]), 0, 0) == "192.168.0.0/16")), true)][0], "")}), from which no request reaches the internet-facing load balancer: clients in the VPC arrive from its NAT gateways' public addresses, which the test listener admits without being listed; allowed: public blocks, such as an office's or a VPN's egress; remove this one"
  }
}

variable "test_listener_port" {
  description = "The listener CodeDeploy uses to test a new version before it takes traffic. Allowed: 1 to 65535; not a production port: not 80, and not 443 when `certificateArn` is set. The `loadBalancer.testListenerPort` key of an ecsforge environment file."
  type        = number
  default     = 8443
  nullable    = false

  validation {
    condition     = floor(var.test_listener_port) == var.test_listener_port
    error_message = "${var.test_listener_port} is not a whole number; allowed: 1 to 65535"
  }

  validation {
    condition     = var.test_listener_port >= 1 && var.test_listener_port <= 65535
    error_message = "${var.test_listener_port} is out of range; allowed: 1 to 65535"
  }

  validation {
    condition     = var.test_listener_port != 80 && (var.certificate_arn == "" || var.test_listener_port != 443)
    error_message = "${var.test_listener_port} is a production listener port; allowed: any port but ${var.certificate_arn == "" ? "80" : "443 and 80"}"
  }
}

variable "vpc_id" {
  description = "The VPC the load balancer, the tasks and their security groups are in."
  type        = string
  nullable    = false
}

variable "waf" {
  description = "`managed`: ecsforge makes a regional AWS WAF web ACL named `<app>-<env>` and associates it with the load balancer: AWS's managed rule groups Core rule set, Known bad inputs, Amazon IP reputation list and Anonymous IP list block what they match, but the hosting-provider addresses of the last, which are only counted, since the environment's own NAT gateways, CI runners and health checkers come from hosting providers. Requests it blocks or counts are logged to the log group `aws-waf-logs-<app>-<env>` (`service.logRetentionDays`, under `service.logKmsKey`), without their `authorization` and `cookie` headers. Costs about 5 USD a month for the web ACL, 1 USD a month for each of the 4 rule groups and 0.60 USD per million requests, plus the logs' ingestion and storage; see [Web application firewall](../../docs/security.md#web-application-firewall). `none`: no web ACL of ecsforge's; `wafWebAclArn` may name your own. Allowed: none, managed; not with `wafWebAclArn`. The `loadBalancer.waf` key of an ecsforge environment file."
  type        = string
  default     = "none"
  nullable    = false

  validation {
    condition     = contains(["none", "managed"], var.waf)
    error_message = "\"${var.waf}\" is not allowed; allowed: none, managed"
  }
}

variable "waf_web_acl_arn" {
  description = "A regional AWS WAF web ACL of your own that filters every request to the load balancer (an `aws_wafv2_web_acl_association`). The web ACL is not made here. WAF costs per web ACL and per rule a month, and per million requests inspected; see [Web application firewall](../../docs/security.md#web-application-firewall). Allowed: a regional WAF web ACL ARN, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>; in `aws.region`, and of `aws.accountId` when that is set; not with `waf: managed`. The `loadBalancer.wafWebAclArn` key of an ecsforge environment file. (Empty: no web ACL.)"
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.waf_web_acl_arn == "" || can(regex("^(?:arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[\\w-]{1,128}/[0-9a-f-]{1,128})$", var.waf_web_acl_arn))
    error_message = "\"${var.waf_web_acl_arn}\" is not allowed; allowed: a regional WAF web ACL ARN, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>"
  }

  validation {
    condition     = var.waf != "managed" || var.waf_web_acl_arn == ""
    error_message = "\"${var.waf_web_acl_arn}\" is set but waf is managed, which makes the module's own web ACL; allowed: one web ACL, waf managed without waf_web_acl_arn, or waf_web_acl_arn with waf none"
  }
}
