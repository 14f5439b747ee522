variable "ports" {
  description = "A type written without spaces"
  type        = object({ port = number, paths = list(string) })
}
