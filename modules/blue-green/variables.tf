variable "alb_arn_suffix" {
  description = "The load balancer's ARN suffix (`app/<name>/<id>`), the CloudWatch dimension of every alarm."
  type        = string
  nullable    = false
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

variable "blue_target_group_arn_suffix" {
  description = "The blue target group's ARN suffix (`targetgroup/<name>/<id>`), the CloudWatch dimension its alarms watch."
  type        = string
  nullable    = false
}

variable "blue_target_group_name" {
  description = "The target group serving production before the first release."
  type        = string
  nullable    = false
}

variable "cluster_name" {
  description = "The ECS cluster the service runs in."
  type        = string
  nullable    = false
}

variable "codedeploy_role_arn" {
  description = "The ARN of the role CodeDeploy assumes to swap task sets and listeners (the `codedeploy` role of an ecsforge environment's access stack)."
  type        = string
  nullable    = false
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

variable "evaluation_periods" {
  description = "Consecutive breaching periods before an alarm fires. Allowed: 1 to 10; times `periodSeconds` at most 86400 (one day), CloudWatch's limit. The `deployment.alarms.evaluationPeriods` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = floor(var.evaluation_periods) == var.evaluation_periods
    error_message = "${var.evaluation_periods} is not a whole number; allowed: 1 to 10"
  }

  validation {
    condition     = var.evaluation_periods >= 1 && var.evaluation_periods <= 10
    error_message = "${var.evaluation_periods} is out of range; allowed: 1 to 10"
  }

  validation {
    condition     = !(floor(var.period_seconds) == var.period_seconds && var.period_seconds >= 10 && var.period_seconds <= 86400) || var.period_seconds % 60 != 0 || !(floor(var.evaluation_periods) == var.evaluation_periods && var.evaluation_periods >= 1 && var.evaluation_periods <= 10) || var.evaluation_periods * var.period_seconds <= 86400
    error_message = "${var.evaluation_periods} periods of ${var.period_seconds} s are ${var.evaluation_periods * var.period_seconds} s; CloudWatch evaluates an alarm over at most one day; allowed: evaluation_periods x period_seconds up to 86400 s"
  }
}

variable "green_target_group_arn_suffix" {
  description = "The green target group's ARN suffix (`targetgroup/<name>/<id>`), the CloudWatch dimension its alarms watch."
  type        = string
  nullable    = false
}

variable "green_target_group_name" {
  description = "The other target group; the two swap roles at every release."
  type        = string
  nullable    = false
}

variable "http5xx_percent" {
  description = "Target 5xx responses, as a percentage of requests, above which a release stops and rolls back. Allowed: 0.1 to 100. The `deployment.alarms.http5xxPercent` key of an ecsforge environment file."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.http5xx_percent >= 0.1 && var.http5xx_percent <= 100
    error_message = "${var.http5xx_percent} is out of range; allowed: 0.1 to 100"
  }
}

variable "interval_minutes" {
  description = "Minutes between shifts. Allowed: 1 to 2880; for `canary` and `linear`, at least as long as the alarms need to fire: `max(2, alarms.evaluationPeriods) × alarms.periodSeconds`, so an alarm can fire before the next shift. The `deployment.intervalMinutes` key of an ecsforge environment file."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = floor(var.interval_minutes) == var.interval_minutes
    error_message = "${var.interval_minutes} is not a whole number; allowed: 1 to 2880"
  }

  validation {
    condition     = var.interval_minutes >= 1 && var.interval_minutes <= 2880
    error_message = "${var.interval_minutes} is out of range; allowed: 1 to 2880"
  }

  validation {
    condition     = var.strategy == "all-at-once" || !(floor(var.interval_minutes) == var.interval_minutes && var.interval_minutes >= 1 && var.interval_minutes <= 2880) || !(floor(var.period_seconds) == var.period_seconds && var.period_seconds >= 10 && var.period_seconds <= 86400) || var.period_seconds % 60 != 0 || !(floor(var.evaluation_periods) == var.evaluation_periods && var.evaluation_periods >= 1 && var.evaluation_periods <= 10) || var.interval_minutes * 60 >= max(2, var.evaluation_periods) * var.period_seconds
    error_message = "${var.interval_minutes} minute(s) is shorter than ${max(2, var.evaluation_periods)} alarm periods (${max(2, var.evaluation_periods)} x ${var.period_seconds} s = ${max(2, var.evaluation_periods) * var.period_seconds} s), so the alarms could not fire before traffic shifts; allowed: at least ${ceil(max(2, var.evaluation_periods) * var.period_seconds / 60)} minute(s), or lower period_seconds or evaluation_periods"
  }
}

variable "p99_latency_seconds" {
  description = "p99 target response time above which a release rolls back. Allowed: 0.001 to 60. `null`, the default, means none: no latency alarm. The `deployment.alarms.p99LatencySeconds` key of an ecsforge environment file."
  type        = number
  default     = null
  nullable    = true

  validation {
    condition     = var.p99_latency_seconds == null ? true : (var.p99_latency_seconds >= 0.001 && var.p99_latency_seconds <= 60)
    error_message = "${var.p99_latency_seconds == null ? "" : var.p99_latency_seconds} is out of range; allowed: 0.001 to 60"
  }
}

variable "percent" {
  description = "Traffic shifted first (canary) or at each step (linear). Allowed: 1 to 99. The `deployment.percent` key of an ecsforge environment file."
  type        = number
  default     = 25
  nullable    = false

  validation {
    condition     = floor(var.percent) == var.percent
    error_message = "${var.percent} is not a whole number; allowed: 1 to 99"
  }

  validation {
    condition     = var.percent >= 1 && var.percent <= 99
    error_message = "${var.percent} is out of range; allowed: 1 to 99"
  }
}

variable "period_seconds" {
  description = "The alarms' period. Load balancer metrics arrive once a minute, so a shorter period would mostly see no data, which counts as not breaching. Allowed: 10 to 86400; a multiple of 60. The `deployment.alarms.periodSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = floor(var.period_seconds) == var.period_seconds
    error_message = "${var.period_seconds} is not a whole number; allowed: 10 to 86400"
  }

  validation {
    condition     = var.period_seconds >= 10 && var.period_seconds <= 86400
    error_message = "${var.period_seconds} is out of range; allowed: 10 to 86400"
  }

  validation {
    condition     = var.period_seconds % 60 == 0
    error_message = "${var.period_seconds} is not an alarm period for load balancer metrics, which arrive once a minute; allowed: a multiple of 60"
  }
}

variable "production_listener_arn" {
  description = "The ARN of the listener whose target group serves production traffic."
  type        = string
  nullable    = false
}

variable "service_name" {
  description = "The ECS service CodeDeploy releases to; its deployment controller is CODE_DEPLOY."
  type        = string
  nullable    = false
}

variable "strategy" {
  description = "`canary`: `percent`% of traffic first, the rest after `intervalMinutes`. `linear`: `percent`% more every `intervalMinutes`. `all-at-once`: everything at once with the built-in `CodeDeployDefault.ECSAllAtOnce`. There is no canary window, so alarms can only roll back during `terminateBlueAfterMinutes`. Allowed: canary, linear, all-at-once. The `deployment.strategy` key of an ecsforge environment file."
  type        = string
  default     = "canary"
  nullable    = false

  validation {
    condition     = contains(["canary", "linear", "all-at-once"], var.strategy)
    error_message = "\"${var.strategy}\" is not allowed; allowed: canary, linear, all-at-once"
  }
}

variable "terminate_blue_after_minutes" {
  description = "Minutes the old tasks are kept after the traffic has moved. Allowed: 0 to 2880. The `deployment.terminateBlueAfterMinutes` key of an ecsforge environment file."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = floor(var.terminate_blue_after_minutes) == var.terminate_blue_after_minutes
    error_message = "${var.terminate_blue_after_minutes} is not a whole number; allowed: 0 to 2880"
  }

  validation {
    condition     = var.terminate_blue_after_minutes >= 0 && var.terminate_blue_after_minutes <= 2880
    error_message = "${var.terminate_blue_after_minutes} is out of range; allowed: 0 to 2880"
  }
}

variable "test_listener_arn" {
  description = "The ARN of the listener that reaches the new version before it takes production traffic."
  type        = string
  nullable    = false
}

variable "unhealthy_hosts" {
  description = "Unhealthy targets in a target group at or above which a release rolls back. Allowed: 1 to 1000. The `deployment.alarms.unhealthyHosts` key of an ecsforge environment file."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = floor(var.unhealthy_hosts) == var.unhealthy_hosts
    error_message = "${var.unhealthy_hosts} is not a whole number; allowed: 1 to 1000"
  }

  validation {
    condition     = var.unhealthy_hosts >= 1 && var.unhealthy_hosts <= 1000
    error_message = "${var.unhealthy_hosts} is out of range; allowed: 1 to 1000"
  }
}
