// Command generator writes the Python and Go SDKs of the cognito-log-delivery provider
// plugin from its schema (sdk/schema.json), with the code generators that the Pulumi
// engine itself uses (github.com/pulumi/pulumi/pkg/v3/codegen). `pulumi package gen-sdk`
// would ask a language host to generate, which the hosts this project can build cannot
// (DEVELOPMENT.md, "SDKs for other languages"); calling the generators directly needs no
// host and no network beyond the Go module proxy.
//
//	go run . SCHEMA_JSON OUT_DIR    # writes OUT_DIR/python and OUT_DIR/go
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool names the generator in the files' "do not edit" headers.
const tool = "pulumi-cognito-log-delivery sdk/generator"

func main() {
	if len(os.Args) != 3 {
		fail("usage: go run . SCHEMA_JSON OUT_DIR")
	}
	schemaPath, outDir := os.Args[1], os.Args[2]
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		fail("cannot read the schema: %v", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		fail("%s is not a package schema: %v", schemaPath, err)
	}
	// BindSpec validates the schema against Pulumi's metaschema before binding it.
	pkg, diagnostics, err := schema.BindSpec(spec, selfContained{}, schema.ValidationOptions{})
	if err != nil {
		fail("cannot bind %s: %v", schemaPath, err)
	}
	if diagnostics.HasErrors() {
		fail("%s is not a valid package schema:\n%s", schemaPath, diagnostics.Error())
	}

	pythonFiles, err := python.GeneratePackage(tool, pkg, nil, selfContained{})
	if err != nil {
		fail("generating the Python SDK: %v", err)
	}
	write(filepath.Join(outDir, "python"), pythonFiles)

	goFiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		fail("generating the Go SDK: %v", err)
	}
	write(filepath.Join(outDir, "go"), goFiles)
}

// write replaces dir's generated files with files (paths relative to dir); files of the
// project that the generator does not write (go.mod, tests) are kept.
func write(dir string, files map[string][]byte) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail("%v", err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fail("%v", err)
		}
	}
	fmt.Fprintf(os.Stderr, "generator: %d files in %s\n", len(names), dir)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "generator: error: "+format+"\n", args...)
	os.Exit(1)
}

// selfContained is the schema loader for a package that refers to no other package: the
// binder and the generators ask a loader for referenced packages (and the builtin
// "pulumi" package); ours has none, and asking for one is a mistake in the schema.
type selfContained struct{}

func (selfContained) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it must refer to no other package", name)
}

func (selfContained) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it must refer to no other package", d.Name)
}

func (selfContained) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it must refer to no other package", name)
}

func (selfContained) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema refers to package %q; it must refer to no other package", d.Name)
}
