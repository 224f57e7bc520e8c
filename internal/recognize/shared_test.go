package recognize

import (
	"testing"

	"github.com/aptwatch/aptwatch/internal/sharedtest"
)

type goldArticle struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	Gold struct {
		Actors []struct {
			Name     string   `json:"name"`
			AttackID string   `json:"attack_id"`
			Mentions []string `json:"mentions"`
		} `json:"actors"`
		Sponsor []string `json:"sponsor_countries"`
		Victim  []string `json:"victim_countries"`
		Malware []string `json:"malware"`
		CVEs    []string `json:"cves"`
	} `json:"gold"`
	Notes string `json:"notes"`
}

func readGold(t testing.TB, rel string) []goldArticle {
	return sharedtest.ReadJSONL[goldArticle](t, sharedtest.Path(t, rel))
}
