package plan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// parsePackage parses the package's non-test source files.
func parsePackage(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		files[name] = f
	}
	return files
}

// TestRulesListEveryNumericConstant keeps the method page complete: every
// exported untyped number or boolean constant, which is how the package
// states a threshold, count, fee or weight, must appear in Rules.
func TestRulesListEveryNumericConstant(t *testing.T) {
	names := map[string]bool{}
	for _, r := range Rules() {
		names[r.Name] = true
	}
	for file, f := range parsePackage(t) {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Type != nil || len(vs.Values) == 0 {
					continue
				}
				for i, name := range vs.Names {
					if !name.IsExported() || !isNumberOrBool(vs.Values[i]) {
						continue
					}
					if !names[name.Name] {
						t.Errorf("%s: constant %s is missing from Rules", file, name.Name)
					}
				}
			}
		}
	}
}

// isNumberOrBool reports whether a constant's value is a number or boolean
// literal, or arithmetic on them.
func isNumberOrBool(e ast.Expr) bool {
	switch v := e.(type) {
	case *ast.BasicLit:
		return v.Kind == token.INT || v.Kind == token.FLOAT
	case *ast.Ident:
		return v.Name == "true" || v.Name == "false"
	case *ast.UnaryExpr:
		return isNumberOrBool(v.X)
	case *ast.BinaryExpr:
		return isNumberOrBool(v.X) || isNumberOrBool(v.Y)
	}
	return false
}

func TestRulesAreComplete(t *testing.T) {
	groups := []string{"input", "tier", "move_up", "backup", "applications", "fees", "letters", "timeline", "signals"}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.Name] {
			t.Errorf("rule %q listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Value == "" || r.Source == "" || !strings.HasSuffix(r.Description, ".") {
			t.Errorf("rule %+v needs a value, a source and a sentence", r)
		}
		if !slices.Contains(groups, r.Group) {
			t.Errorf("rule %q has unknown group %q", r.Name, r.Group)
		}
	}
	for _, name := range []string{"Tier 1 ENT programs", "Tier 2 Backup programs", "Tier 3 budget order", "ERAS bands, 2024 season", "ResidencyCAS bands, 2026 season"} {
		if !seen[name] {
			t.Errorf("rule %q missing", name)
		}
	}
}

func TestRuleValuesComeFromTheTables(t *testing.T) {
	values := map[string]string{}
	for _, r := range Rules() {
		values[r.Name] = r.Value
	}
	tests := []struct {
		name string
		want string
	}{
		{"Tier 1 ENT programs", "80-100, recommended 90, floor 80"},
		{"Tier 2 Backup programs", "80-120, recommended 100, floor 80"},
		{"ERAS bands, 2026 season", "1-30: $11 each; 31 and more: $30 each"},
		{"ERAS bands, 2024 season", "1-10: $99 in all; 11-20: $19 each; 21-30: $23 each; 31 and more: $27 each"},
		{"ResidencyCAS bands, 2026 season", "1-18: $99 in all; 19-30: $18 each; 31 and more: $23 each"},
		{"Step2Strong", strconv.Itoa(Step2Strong)},
		{"MaxBudget", "$100,000"},
	}
	for _, tt := range tests {
		if got := values[tt.name]; got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestImportsStayWasmFriendly keeps the WebAssembly build small: the
// package may import only these standard packages and textutil.
func TestImportsStayWasmFriendly(t *testing.T) {
	allowed := []string{"errors", "math", "slices", "strconv", "strings", "time",
		"github.com/entbackup/ent-backup-planner/internal/textutil"}
	for file, f := range parsePackage(t) {
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(allowed, path) {
				t.Errorf("%s imports %s; allowed: %v", file, path, allowed)
			}
		}
	}
}
