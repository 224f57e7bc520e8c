package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ImportDir is where imports live inside aptwatch's data directory.
func ImportDir(dataDir string) string { return filepath.Join(dataDir, "catalog") }

// Loaded is a catalogue with the conflicts its imports raised.
type Loaded struct {
	*Catalog
	Conflicts []Conflict
	Imports   []string // import files merged, in order
}

// Load builds the built-in catalogue merged with every import stored in
// dataDir (which may be "" or missing: then the built-in catalogue alone).
func Load(dataDir string) (*Loaded, error) {
	base, err := BuiltinEntities()
	if err != nil {
		return nil, fmt.Errorf("built-in catalogue: %w", err)
	}
	var (
		conflicts []Conflict
		imports   []string
	)
	if dataDir != "" {
		files, err := filepath.Glob(filepath.Join(ImportDir(dataDir), "*.txt"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			origin := strings.TrimSuffix(filepath.Base(f), ".txt")
			es, err := Parse(bytes.NewReader(data), f, origin)
			if err != nil {
				return nil, fmt.Errorf("stored import %s is damaged (remove it and import again): %w", f, err)
			}
			var cs []Conflict
			base, cs = Merge(base, es, origin)
			conflicts = append(conflicts, cs...)
			imports = append(imports, f)
		}
	}
	c, err := Build(base)
	if err != nil {
		return nil, err
	}
	return &Loaded{Catalog: c, Conflicts: conflicts, Imports: imports}, nil
}

// SaveImport stores converted entities as the import called name, replacing
// an earlier import of that name. It first checks that the catalogue still
// builds with them, and writes through a temporary file and a rename, so a
// failure leaves the stored catalogue as it was.
func SaveImport(dataDir, name, header string, entities []*Entity) (string, error) {
	if len(entities) == 0 {
		return "", errors.New("nothing to import: the file holds no entities")
	}
	base, err := BuiltinEntities()
	if err != nil {
		return "", err
	}
	merged, _ := Merge(base, entities, name)
	if _, err := Build(merged); err != nil {
		return "", fmt.Errorf("import would break the catalogue: %w", err)
	}
	dir := ImportDir(dataDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# %s\n# imported %s\n\n", header, time.Now().UTC().Format(time.RFC3339))
	if err := Write(&buf, entities); err != nil {
		return "", err
	}
	// Parse our own output before committing to it.
	if _, err := Parse(bytes.NewReader(buf.Bytes()), name, name); err != nil {
		return "", fmt.Errorf("internal error: converted import does not parse: %w", err)
	}
	final := filepath.Join(dir, name+".txt")
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return final, os.Rename(tmp.Name(), final)
}
