package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Upstream is one file that catalog sync downloads.
type Upstream struct {
	Name   string // import name, e.g. "misp-galaxy-threat-actor"
	Format string
	URL    string
}

// Upstreams are the current files of the MISP galaxy and MITRE ATT&CK.
var Upstreams = []Upstream{
	{"misp-galaxy-threat-actor", "misp-galaxy", "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/threat-actor.json"},
	{"misp-galaxy-microsoft-activity-group", "misp-galaxy", "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/microsoft-activity-group.json"},
	{"misp-galaxy-360net", "misp-galaxy", "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/360net.json"},
	{"misp-galaxy-ransomware", "misp-galaxy", "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/ransomware.json"},
	{"misp-galaxy-tool", "misp-galaxy", "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/tool.json"},
	{"attack-enterprise-attack", "attack", "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json"},
}

// Download fetches one upstream file within MaxFileSize. A machine that is
// offline gets an error that says so.
func Download(ctx context.Context, client *http.Client, u Upstream) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "aptwatch catalog sync")
	resp, err := client.Do(req)
	if err != nil {
		var dnsErr *net.DNSError
		var opErr *net.OpError
		if errors.As(err, &dnsErr) || errors.As(err, &opErr) {
			return nil, fmt.Errorf("cannot reach %s (is this machine online?): %w", req.URL.Host, err)
		}
		return nil, fmt.Errorf("download %s: %w", u.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: HTTP %s", u.URL, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", u.URL, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("download %s: over the %d MB limit", u.URL, MaxFileSize>>20)
	}
	return data, nil
}
