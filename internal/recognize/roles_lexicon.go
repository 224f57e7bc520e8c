package recognize

// Cue words for the roles a country plays in a sentence, folded, in English,
// Italian, French, German, Spanish, Dutch and Portuguese. Multi-word cues
// are written with '_' between words and matched as consecutive tokens.

// stateCues show state wording: an adjective or name near one of these, in a
// sentence about attacks or actors, makes the country a sponsor.
var stateCues = words(`
state-sponsored state-backed state-linked government-backed government-linked nation-state state sponsored backed
government governments regime military intelligence army spy spies agency ministry
stato statale governo regime militare intelligence servizi sostenuti sostenuto sponsorizzati sponsorizzato finanziati
etat gouvernement regime militaire renseignement soutenus soutenu parraines
staat staatlich staatliche staatlichen staatlicher regierung regime militar militarischen geheimdienst geheimdienste gesteuert gesteuerte gesteuerten unterstutzt unterstutzte
estado estatal gobierno regimen militar inteligencia respaldados respaldado patrocinados patrocinado
staat staats overheid regering regime militaire inlichtingendienst gesteund gesteunde
estado governo regime militar inteligencia apoiados patrocinados
`)

// sponsorCompounds follow a country name with a hyphen: "China-linked".
var sponsorCompounds = words(`linked backed sponsored nexus affiliated aligned based allied`)

// sponsorPreps precede a country name: "legati alla Cina", "liés à la Chine".
var sponsorPreps = phrases(`
linked to|tied to|backed by|sponsored by|working for|on behalf of|acting on behalf of|affiliated with|connected to|associated with|attributed to|directed by|tasked by
legati alla|legati al|legato alla|legato al|sostenuti dalla|sostenuti dal|sostenuto dalla|collegati alla|collegati al|per conto della|per conto del|riconducibili alla|attribuiti alla
lies a la|lie a la|lies au|soutenus par la|soutenus par le|pour le compte de la|attribues a la|attribue a la
im auftrag|verbunden mit|unterstutzt von|zugeschrieben
vinculados a|vinculado a|respaldados por|patrocinados por|ligados a|atribuidos a|atribuido a|al servicio de
gelinkt aan|verbonden met|gesteund door|toegeschreven aan|in opdracht van
ligados a|ligado a|apoiados por|a servico de|atribuidos a
`)

// blameCues: a country object of these is blamed for an attack ("blamed
// China", "incolpato la Cina", "accuse la Russie").
var blameCues = words(`
blamed blames blame accused accuses accuse attributed attributes attribute implicated named pinned
incolpato incolpata incolpa accusato accusata accusa accusano attribuito attribuita attribuisce
accuse accusent accusee attribue imputent
beschuldigt beschuldigte beschuldigten zugeschrieben
acusa acusan acuso acusaron culpo culpa culpan atribuyo atribuye
beschuldigd beschuldigt beschuldigen toegeschreven
acusou acusa culpou atribuiu
`)

// involvementCues: "North Korea may have been involved".
var involvementCues = words(`involved behind responsible coinvolta coinvolto dietro responsabile implique derriere responsable beteiligt verantwortlich hinter involucrado detras responsable betrokken achter verantwoordelijk envolvido`)

// targetCues precede a victim: "targeted Belgium", "hanno preso di mira",
// "visant la Belgique", "Angriffe auf".
var targetCues = words(`
target targets targeted targeting attack attacks attacked attacking hit hits hitting breach breached breaching
compromise compromised compromising infiltrate infiltrated hack hacked hacking against victims victim spied spying
struck strike penetrated intrusions intrusion affected affecting impacted
mira colpito colpiti colpita colpendo attaccato attaccati attaccata attacco attacchi contro violato violati mirati
vise visant visee vises visees ciblant cible ciblee cibles contre attaque attaques attaquee pirate piratee
gegen angegriffen angriff angriffe attackiert gehackt ins_visier zielten zielte richteten betroffen
contra ataco atacaron atacado atacados ataque ataques dirigidos dirigido objetivo hackeado afecto afectado
tegen aangevallen aanval aanvallen doelwit gericht gehackt getroffen
atacou atacaram alvo visando afetou
`)

// attributorCues follow a country that makes an accusation: "Belgium
// accuses", "il Belgio accusa", "Belgium assesses".
var attributorCues = words(`
said says say accuses accused accuse blames blamed blame attributes attributed attribute assesses assessed
exposes exposed revealed reveals claims claimed announced announces alleges alleged declared declares stated states
sanctioned sanctions charged charges indicted warned warns
ha accusa accusano afferma affermato dichiarato rivela rilevato ritiene attribuisce
accuse accusent affirme declare revele attribue estime
beschuldigt erklart erklarte wirft macht sagt sagte
acusa acusan afirma afirmo declaro revelo atribuye sostiene
beschuldigt zegt zei verklaarde stelt
acusa afirma afirmou declarou
`)

// nationalityNouns after an adjective make it a nationality, not a victim
// ("Chinese hackers", "hacker cinesi").
var nationalityNouns = words(`hackers hacker actors actor groups group apt apts operatives spies nationals citizens officials embassy gruppi gruppo attori groupe groupes pirates gruppe akteure grupo grupos piratas groep`)

// agencySponsors name state bodies whose mention makes their state the
// sponsor of the actor in the sentence.
var agencySponsors = map[string]string{
	"mss": "CN", "ministry_of_state_security": "CN", "pla": "CN", "people_s_liberation_army": "CN",
	"gru": "RU", "fsb": "RU", "svr": "RU", "kremlin": "RU",
	"rgb": "KP", "reconnaissance_general_bureau": "KP",
	"mois": "IR", "irgc": "IR", "islamic_revolutionary_guard_corps": "IR", "ministry_of_intelligence_and_security": "IR",
	"beijing": "CN", "moscow": "RU", "tehran": "IR", "pyongyang": "KP",
}
