package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.txt
var builtinFS embed.FS

// BuiltinEntities parses the embedded catalogue files and adds the standard
// country names in every supported language.
func BuiltinEntities() ([]*Entity, error) {
	files, err := fs.Glob(builtinFS, "data/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var all []*Entity
	for _, f := range files {
		data, err := builtinFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		es, err := Parse(strings.NewReader(string(data)), path.Base(f), "builtin")
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	addCountryNames(all)
	return all, nil
}

var (
	builtinOnce sync.Once
	builtinCat  *Catalog
	builtinErr  error
)

// Builtin returns the built-in catalogue, parsed once per process.
func Builtin() (*Catalog, error) {
	builtinOnce.Do(func() {
		es, err := BuiltinEntities()
		if err != nil {
			builtinErr = fmt.Errorf("built-in catalogue: %w", err)
			return
		}
		builtinCat, builtinErr = Build(es)
	})
	return builtinCat, builtinErr
}
