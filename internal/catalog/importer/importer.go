// Package importer converts third-party threat-intelligence catalogues (MISP
// galaxy clusters, MITRE ATT&CK STIX bundles, Microsoft's threat actor naming
// table) into catalogue entities. Conversion is strict: a file that is not
// what its format says is rejected as a whole, so nothing half-read is stored.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aptwatch/aptwatch/internal/catalog"
	"github.com/aptwatch/aptwatch/internal/namekey"
)

// MaxFileSize bounds an import file. The largest upstream file (the full
// ATT&CK enterprise bundle) is about 45 MB.
const MaxFileSize = 200 << 20

// Formats lists the formats Read accepts.
var Formats = []string{"misp-galaxy", "attack", "microsoft"}

// CountryResolver maps a country name ("China", "North Korea") to its ISO
// code; importers use it for sponsor states.
type CountryResolver func(name string) (string, bool)

// ReadFile reads and converts one file. The result is ready for
// catalog.SaveImport.
func ReadFile(format, path string, countries CountryResolver) ([]*catalog.Entity, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	es, err := Convert(format, data, countries)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return es, nil
}

// Convert converts one document of the given format.
func Convert(format string, data []byte, countries CountryResolver) ([]*catalog.Entity, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !json.Valid(data) {
		return nil, errors.New("not valid JSON")
	}
	switch format {
	case "misp-galaxy":
		return convertMISP(data, countries)
	case "attack":
		return convertAttack(data)
	case "microsoft":
		return convertMicrosoft(data, countries)
	}
	return nil, fmt.Errorf("unknown import format %q (want %s)", format, strings.Join(Formats, ", "))
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory", path)
		}
		if st.Size() > MaxFileSize {
			return nil, fmt.Errorf("%s is %d MB, over the %d MB limit for an import", path, st.Size()>>20, MaxFileSize>>20)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s is over the %d MB limit for an import", path, MaxFileSize>>20)
	}
	return data, nil
}

// addAlias appends a name unless the entity already has it.
func addAlias(e *catalog.Entity, name, source string) {
	name = strings.TrimSpace(name)
	if namekey.Key(name) == "" || strings.EqualFold(name, e.Name) {
		return
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a.Name, name) {
			return
		}
	}
	e.Aliases = append(e.Aliases, catalog.Alias{Name: name, Source: source})
}
