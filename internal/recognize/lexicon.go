package recognize

import "strings"

// The word lists below are aptwatch's own, in English, Italian, French,
// German, Spanish, Dutch and Portuguese. Words are folded (lower case, no
// diacritics); phrases are matched word by word.

// actorCues are words that show a name denotes a threat actor.
var actorCues = words(`
group groups apt apts actor actors threat hackers hacker hacking gang gangs crew operators operator
cybercriminals cybercriminal criminals ransomware espionage cyberespionage cyber-espionage state-sponsored
nation-state attackers attacker intrusion intrusions collective hacktivist hacktivists adversary adversaries
syndicate affiliate affiliates spies
gruppo gruppi criminali cybercriminali attori attore minaccia minacce cyberspionaggio spionaggio banda collettivo
groupe groupes pirates acteur acteurs menace cybercriminels espionnage cyberespionnage collectif attaquants
gruppe gruppen hackergruppe hackergruppen akteur akteure bedrohungsakteur cyberkriminelle spionage cyberspionage bande kollektiv angreifer
grupo grupos piratas actores amenaza ciberdelincuentes espionaje ciberespionaje colectivo atacantes
groep groepen hackersgroep hackergroep dreigingsactor cybercriminelen bende aanvallers
atores ameaca cibercriminosos espionagem gangue
`)

// namingCues introduce another name for an actor: "tracked as", "also known
// as", "noto anche come".
var namingCues = phrases(`
tracked as|known as|also known as|aka|a k a|dubbed|alias|aliases|also called|referred to as|tracks as|tracks the group as|calls it|named
noto come|noti come|noto anche come|noti anche come|conosciuto come|conosciuti come|denominato|denominati|chiamato|tracciato
connu sous le nom|connus sous le nom|connue sous le nom|sous le nom|connu en tant que|connue en tant que|autrement connu|baptise|surnomme|egalement connu|alias
bekannt als|auch bekannt als|genannt|unter dem namen
conocido como|conocidos como|tambien conocido como|denominado|llamado|apodado
bekend als|ook bekend als|genaamd
conhecido como|tambem conhecido como|chamado
`)

// malwareCues show a name denotes malware or a tool.
var malwareCues = words(`
malware backdoor backdoors trojan trojans rat rats ransomware loader loaders implant implants payload payloads
stealer stealers infostealer botnet botnets wiper wipers variant variants family families strain strains
framework beacon spyware rootkit dropper downloader worm tool tools toolkit exploit kit webshell
maliciel logiciel malveillant cheval troie schadsoftware trojaner schadprogramm troyano troyanos
virus
`)

// negativeCues show that an ambiguous name is used in its ordinary sense: a
// metal, a planet, a missile, a film, a package manager.
var negativeCues = words(`
element elements metal metals mineral minerals export exports germanium alloy alloys price prices commodity
commodities semiconductor semiconductors mining ore
planet planets spacecraft probe orbit mission astronomers nasa esa bepicolombo
missile missiles aim-9x aim-9 jet jets fighter balloon
film films movie movies anime manga novel character song album band cinema director
biblical bible testament dune
debian ubuntu apt-get dpkg
metallo metalli minerali esportazioni esportazione pianeta missile missili razzo
metal metaux exportations planete missile missiles
metall metalle exporte exporten planet rakete raketen
metales exportaciones planeta misil misiles pelicula
metaal metalen planeet raket raketten
metais exportacoes planeta misseis filme
`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func phrases(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		for _, p := range strings.Split(line, "|") {
			if f := strings.Fields(p); len(f) > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

// listJoiners may separate the items of a list of names.
var listJoiners = words(`and or e o et ou und oder y en of nor as well the la le l il el los las die der de het les`)
