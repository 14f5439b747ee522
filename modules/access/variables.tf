variable "app" {
  description = "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`). Allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash. The `app` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = !strcontains(var.app, "--") && can(regex("^(?:[a-z][a-z0-9-]{0,19}[a-z0-9])$", var.app))
    error_message = "\"${var.app}\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"
  }
}

variable "assume_role_arn" {
  description = "A role the AWS provider assumes. Allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>, the name up to 64 characters. The `aws.assumeRoleArn` key of an ecsforge environment file. Empty: none: the infra role applies the stacks itself."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.assume_role_arn == "" || can(regex("^(?:arn:aws[a-z-]*:iam::\\d{12}:role/(?:[\\w+=,.@/-]{0,511}/)?[\\w+=,.@-]{1,64})$", var.assume_role_arn))
    error_message = "\"${var.assume_role_arn}\" is not allowed; allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>, the name up to 64 characters"
  }
}

variable "autoscaling" {
  description = "Whether the service scales on CPU (`service.autoscaling` is set): the infra role may then register its scalable target and policy."
  type        = bool
  default     = false
  nullable    = false
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider in this environment. Exactly one environment per account does; the others look it up. The `github.createOidcProvider` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "deployment_strategy" {
  description = "`canary`: `percent`% of traffic first, the rest after `intervalMinutes`. `linear`: `percent`% more every `intervalMinutes`. `all-at-once`: everything at once with the built-in `CodeDeployDefault.ECSAllAtOnce`. There is no canary window, so alarms can only roll back during `terminateBlueAfterMinutes`. Allowed: canary, linear, all-at-once. The `deployment.strategy` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the environment's network or deployment has."
  type        = string
  default     = "canary"
  nullable    = false

  validation {
    condition     = contains(["canary", "linear", "all-at-once"], var.deployment_strategy)
    error_message = "\"${var.deployment_strategy}\" is not allowed; allowed: canary, linear, all-at-once"
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

variable "execute_command" {
  description = "ECS Exec into running tasks, logged to CloudWatch Logs. The `cluster.executeCommand` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "flow_logs" {
  description = "VPC flow logs to CloudWatch Logs. The `network.flowLogs` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the environment's network or deployment has."
  type        = bool
  default     = true
  nullable    = false
}

variable "github_repository" {
  description = "`owner/name` of the repository whose workflows may deploy and plan, spelled as GitHub spells it (the trust policy compares exactly). Allowed: owner/name, e.g. my-org/webapp. The `github.repository` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(?:[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100})$", var.github_repository))
    error_message = "\"${var.github_repository}\" is not allowed; allowed: owner/name, e.g. my-org/webapp"
  }
}

variable "nat_gateways" {
  description = "Egress for the private subnets. `none`: no NAT; private subnets reach AWS only through VPC endpoints and tasks cannot reach the internet. `single`: one NAT gateway for all zones, cheaper, but a zone outage cuts egress for every zone. `one-per-az`: survives a zone outage, costs one gateway per zone. Allowed: none, single, one-per-az; `none` needs `vpcEndpoints: true`. The `network.natGateways` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the environment's network or deployment has."
  type        = string
  default     = "single"
  nullable    = false

  validation {
    condition     = contains(["none", "single", "one-per-az"], var.nat_gateways)
    error_message = "\"${var.nat_gateways}\" is not allowed; allowed: none, single, one-per-az"
  }
}

variable "repository_arn" {
  description = "The ARN of the ECR repository the service's images are in, which the execution role pulls from and the release role pushes to: the registry module's `repository_arn`."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/.+$", var.repository_arn))
    error_message = "\"${var.repository_arn}\" is not an ECR repository ARN; allowed: arn:aws:ecr:<region>:<account>:repository/<name>"
  }
}

variable "repository_name" {
  description = "The name of that repository, which the infra role manages: the registry module's `repository_name`."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)$", var.repository_name)) && length(var.repository_name) >= 2 && length(var.repository_name) <= 256
    error_message = "\"${var.repository_name}\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them"
  }
}

variable "secrets" {
  description = "Environment variables injected from SSM Parameter Store or Secrets Manager (`valueFrom`). Allowed: names as `environment`, and not also set there; values: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>. The `service.secrets` key of an ecsforge environment file."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for arn in values(var.secrets) : can(regex("^(?:arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+))$", arn))])
    error_message = "\"${try([for arn in values(var.secrets) : arn if !(can(regex("^(?:arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+))$", arn)))][0], "")}\" is not an SSM parameter or Secrets Manager ARN; allowed: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>"
  }

  validation {
    condition     = alltrue([for name in keys(var.secrets) : can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name))])
    error_message = "\"${try([for name in keys(var.secrets) : name if !(can(regex("^(?:[A-Za-z_][A-Za-z0-9_]*)$", name)))][0], "")}\" is not allowed; allowed: an environment variable name"
  }
}

variable "state_bucket" {
  description = "The state bucket, created by the state stack. Allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes; starting and ending with a letter or digit; no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3. The `state.bucket` key of an ecsforge environment file."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))
    error_message = "\"${var.state_bucket}\" is not allowed; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !strcontains(var.state_bucket, "..")
    error_message = "\"${var.state_bucket}\" has two periods in a row, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || strcontains(var.state_bucket, "..") || !can(regex("^\\d{1,3}(?:\\.\\d{1,3}){3}$", var.state_bucket))
    error_message = "\"${var.state_bucket}\" is formatted as an IP address, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !startswith(var.state_bucket, "xn--")
    error_message = "\"${var.state_bucket}\" starts with xn--, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !startswith(var.state_bucket, "sthree-")
    error_message = "\"${var.state_bucket}\" starts with sthree-, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !startswith(var.state_bucket, "amzn-s3-demo-")
    error_message = "\"${var.state_bucket}\" starts with amzn-s3-demo-, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !endswith(var.state_bucket, "-s3alias")
    error_message = "\"${var.state_bucket}\" ends with -s3alias, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !endswith(var.state_bucket, "--ol-s3")
    error_message = "\"${var.state_bucket}\" ends with --ol-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !endswith(var.state_bucket, ".mrap")
    error_message = "\"${var.state_bucket}\" ends with .mrap, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !endswith(var.state_bucket, "--x-s3")
    error_message = "\"${var.state_bucket}\" ends with --x-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }

  validation {
    condition     = !(can(regex("^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$", var.state_bucket))) || !endswith(var.state_bucket, "--table-s3")
    error_message = "\"${var.state_bucket}\" ends with --table-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"
  }
}

variable "state_dynamodb_table" {
  description = "The lock table. Allowed: a DynamoDB table name: 3 to 255 letters, digits, _ . -; required when `lock` is `dynamodb` or `both`, not allowed when it is `lockfile`. The `state.dynamodbTable` key of an ecsforge environment file. Empty: none."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.state_dynamodb_table == "" || can(regex("^(?:[A-Za-z0-9_.-]{3,255})$", var.state_dynamodb_table))
    error_message = "\"${var.state_dynamodb_table}\" is not allowed; allowed: a DynamoDB table name: 3 to 255 letters, digits, _ . -"
  }

  validation {
    condition     = var.state_lock == "lockfile" || var.state_dynamodb_table != ""
    error_message = "is required when state_lock is ${var.state_lock}; name the lock table (e.g. ${var.app}-tflock) or use state_lock = \"lockfile\""
  }

  validation {
    condition     = var.state_lock != "lockfile" || var.state_dynamodb_table == ""
    error_message = "\"${var.state_dynamodb_table}\" is set but state_lock is lockfile, which uses no table; allowed: state_lock dynamodb or both, or no state_dynamodb_table"
  }
}

variable "state_lock" {
  description = "How concurrent runs are kept apart. `lockfile`: S3 native locking (Terraform 1.10+ / OpenTofu 1.10+). `dynamodb`: a DynamoDB lock table, for older Terraform. `both`: while a team moves from DynamoDB to lock files. Allowed: lockfile, dynamodb, both. The `state.lock` key of an ecsforge environment file."
  type        = string
  default     = "lockfile"
  nullable    = false

  validation {
    condition     = contains(["lockfile", "dynamodb", "both"], var.state_lock)
    error_message = "\"${var.state_lock}\" is not allowed; allowed: lockfile, dynamodb, both"
  }
}

variable "state_region" {
  description = "The bucket's region. Allowed: an AWS region such as us-east-1. The `state.region` key of an ecsforge environment file. Empty: the region of the provider."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.state_region == "" || can(regex("^(?:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d)$", var.state_region))
    error_message = "\"${var.state_region}\" is not allowed; allowed: an AWS region such as us-east-1"
  }
}

variable "task_policy" {
  description = "IAM statements granted to the task role. Allowed: each with `actions` and `resources`; together up to 9740 characters without whitespace (IAM's 10240 for a role's inline policies, less what ecsforge adds). The `service.taskPolicy` key of an ecsforge environment file. Each statement allows its `actions` on its `resources`."
  type        = list(object({ actions = list(string), resources = list(string) }))
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for statement in var.task_policy : length(statement.actions) > 0])
    error_message = "actions is required; list the IAM actions the task needs, e.g. [s3:GetObject]"
  }

  validation {
    condition     = alltrue([for statement in var.task_policy : alltrue([for action in statement.actions : can(regex("^(?:[a-z0-9-]+:[A-Za-z0-9*]+)$", action)) && !endswith(action, ":*")])])
    error_message = "\"${try(flatten([for statement in var.task_policy : [for action in statement.actions : action if !(can(regex("^(?:[a-z0-9-]+:[A-Za-z0-9*]+)$", action)) && !endswith(action, ":*"))]])[0], "")}\" is not allowed; allowed: one action as service:Action, e.g. s3:GetObject (not \"*\" or \"service:*\")"
  }

  validation {
    condition     = alltrue([for statement in var.task_policy : length(statement.resources) > 0])
    error_message = "resources is required; list the ARNs the actions apply to"
  }

  validation {
    condition     = alltrue([for statement in var.task_policy : !contains(statement.resources, "*")])
    error_message = "\"*\" is not allowed; allowed: the ARNs the task needs, e.g. arn:aws:s3:::my-bucket/*"
  }

  validation {
    condition     = alltrue([for statement in var.task_policy : alltrue([for resource in statement.resources : resource == "*" || can(regex("^(?:arn:[a-z*-]+:[a-z0-9*-]+:[a-z0-9*-]*:(?:\\d{12}|aws|\\*)?:.+)$", resource))])])
    error_message = "\"${try(flatten([for statement in var.task_policy : [for resource in statement.resources : resource if !(resource == "*" || can(regex("^(?:arn:[a-z*-]+:[a-z0-9*-]+:[a-z0-9*-]*:(?:\\d{12}|aws|\\*)?:.+)$", resource)))]])[0], "")}\" is not an ARN, which IAM refuses; allowed: an ARN, arn:<partition>:<service>:<region>:<account>:<resource>, e.g. arn:aws:s3:::my-bucket/*"
  }
}

variable "vpc_endpoints" {
  description = "S3 gateway and ECR/Logs interface endpoints. The `network.vpcEndpoints` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the environment's network or deployment has."
  type        = bool
  default     = false
  nullable    = false
}

variable "waf" {
  description = "`managed`: ecsforge makes a regional AWS WAF web ACL named `<app>-<env>` and associates it with the load balancer: AWS's managed rule groups Core rule set, Known bad inputs, Amazon IP reputation list and Anonymous IP list block what they match, but the hosting-provider addresses of the last, which are only counted, since the environment's own NAT gateways, CI runners and health checkers come from hosting providers. Requests it blocks or counts are logged to the log group `aws-waf-logs-<app>-<env>` (`service.logRetentionDays`, under `service.logKmsKey`), without their `authorization` and `cookie` headers. Costs about 5 USD a month for the web ACL, 1 USD a month for each of the 4 rule groups and 0.60 USD per million requests, plus the logs' ingestion and storage; see [Web application firewall](../../docs/security.md#web-application-firewall). `none`: no web ACL of ecsforge's; `wafWebAclArn` may name your own. Allowed: none, managed; not with `wafWebAclArn`. The `loadBalancer.waf` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the ecs-service module has."
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
