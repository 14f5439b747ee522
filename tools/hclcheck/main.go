// Command hclcheck parses Terraform files with HashiCorp's HCL parser and reports every
// syntax diagnostic. It checks syntax only (no schema): generated modules must at least parse.
//
// Usage: hclcheck FILE...   (.tf files as native HCL, .tf.json files as HCL JSON)
//
// Exit codes: 0 every file parsed without errors, 1 a file has errors, 2 bad usage.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(paths []string) int {
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "usage: hclcheck FILE...")
		return 2
	}
	parser := hclparse.NewParser()
	var diags hcl.Diagnostics
	for _, path := range paths {
		if strings.HasSuffix(path, ".json") {
			_, fileDiags := parser.ParseJSONFile(path)
			diags = append(diags, fileDiags...)
		} else {
			_, fileDiags := parser.ParseHCLFile(path)
			diags = append(diags, fileDiags...)
		}
	}
	if len(diags) > 0 {
		writer := hcl.NewDiagnosticTextWriter(os.Stderr, parser.Files(), 100, false)
		if err := writer.WriteDiagnostics(diags); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	if diags.HasErrors() {
		return 1
	}
	fmt.Printf("hclcheck: %d file(s) parsed without errors\n", len(paths))
	return 0
}
