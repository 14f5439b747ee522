mock_provider "aws" {}
