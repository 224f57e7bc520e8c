package claims

import "github.com/aptwatch/aptwatch/internal/recognize"

// Cue words for claims, in English, Italian, French, German, Spanish and
// Dutch (a little Portuguese where it came free). They are unioned across
// languages: articles mix languages in quotes and names, and the language
// detector is sometimes wrong on short texts, while a cue of one language
// rarely means something else in another.

// strongCues make a sentence an attribution even in the author's voice:
// they say that someone did the attack, or tie an actor to a state.
var strongCues = words(`
attributed attribute attributes attributing attribution blame blamed blames blaming accuse accused accuses accusing
responsible responsibility behind perpetrated orchestrated culprit culprits
linked links tied ties connected connects connecting
charged charges indicted indictment indictments indicts unsealed sanctioned sanctions sanctioning wanted
subordinate
attribuito attribuita attribuiti attribuite attribuisce attribuiscono attribuzione accusa accusano accusato accusata accusati accuse
incolpato incolpata incolpa responsabile responsabili dietro collegato collegata collegati collegate collega collegano legati legato
riconducibili riconducibile incriminati incriminato sanzioni sanzionato ricercati
attribue attribuee attribues attribuent imputent impute accusent accusee accuses responsable responsables derriere lie lies liee
inculpe inculpes inculpation inculpations sanctionne
zugeschrieben zuschreiben schreibt beschuldigt beschuldigte beschuldigten verantwortlich hinter verbunden verknupft angeklagt
anklage sanktionen sanktioniert vorwurf vorwurfe
atribuyo atribuye atribuido atribuida atribuidos acusa acusan acuso acusaron acusado acusados culpo culpa responsable responsables
detras vinculado vinculados vinculada vincula vinculo ligado ligados sanciones sancionado acusacion
toegeschreven toeschrijven schrijft beschuldigd beschuldigt beschuldigen verantwoordelijk achter gelinkt verbonden aangeklaagd
sancties
`)

// strongPhrases are strong cues of several words.
var strongPhrases = phrases(`
carried out by|conducted by|undertaken by|launched by|part of|element within|element of|points a finger|pointed the finger|called out|call out|calls out
is due to|was due to|were due to|the work of|working for|on behalf of|at the behest of|tasked by|most wanted
ad opera di|condotti da|condotto da|condotta da|intraprese dai|intraprese da|intrapresi da|effettuati da|parte di|per conto di|elemento dell|faccia capo
menes par|mene par|perpetres par|conduite par|conduites par|le fait de|pour le compte de|fait partie|font partie
im auftrag|teil der|teil des|steckt hinter|stecken hinter|stehen hinter|steht hinter
llevado a cabo por|llevados a cabo por|realizado por|realizados por|forman parte|forma parte|parte de|al servicio de
uitgevoerd door|onderdeel van|in opdracht van|zit achter|zitten achter
`)

// reportCues say that someone states, finds or publishes something. With a
// named party and an actor in the sentence they make an attribution by
// that party; alone they prove nothing.
var reportCues = words(`
said says told stated statement announced announces announcement reported reports report revealed reveals
disclosed discloses exposed exposes confirmed confirms confirm found finds observed observes detailed details identified identifies
named names warned warns warning alert alerts advisory advisories assess assesses assessed assessment believe believes believed
concluded concludes determined alleged alleges allege claims claimed claim published publishes highlighted highlights indicated
indicates noted notes described describes documented traced detected spotted tracked added adds declaration explained wrote writes
reads read bulletin communique accusations allegations
ha detto dice dicono affermato afferma affermano dichiarato dichiara dichiarazione dichiarazioni comunicato nota annunciato
annuncia rivelato rivela rivelano rilevato ritiene ritengono scoperto osservato monitorato identificato individuato segnalato
riportato riporta riferito confermato conferma avvertito avviso allerta pubblicato stima citati citato citata secondo sostiene sostengono
scritto
declare declaration affirme affirment annonce revele revelent confirme confirment identifie observe estime estiment
signale rapport communique ecrit indique indiquent alerte avertit selon
sagte sagt sagen erklarte erklart erklarung mitteilung bericht berichtet berichtete bekanntgegeben gab gibt teilte enthullt
bestatigt bestatigte identifiziert beobachtet warnt warnte warnung eingeordnet eingestuft vermuten vermutet laut zufolge
dijo dice dicen afirmo afirma declaro declara declaracion comunicado informe informo informa revelo revela confirmo confirma
identifico identificado observado senalo senala alerto advirtio aseguro asegura indico indica estima segun
zei zegt verklaarde verklaart verklaring bericht rapport meldde meldt onthulde bevestigde bevestigt identificeerde waarschuwt
waarschuwde volgens aldus
`)

// reportPhrases are report cues of several words.
var reportPhrases = phrases(`
according to|per the|in a statement|in a joint|joint advisory|has been observed|have observed|has observed
ha affermato|ha detto|ha dichiarato|si legge|ha spiegato|ha aggiunto|secondo quanto
a declare|a affirme|a annonce|a indique|d apres|selon lequel|selon laquelle|selon les|peut on lire
nach angaben|teilte mit|hiess es|heisst es
de acuerdo con|segun el|segun la|segun los
volgens de|volgens het
`)

// accordingTo introduce the party that makes the claim of the sentence:
// "according to the FBI", "secondo Microsoft", "selon ESET", "laut BSI".
var accordingTo = phrases(`
according to|per|as per|citing|cited by|in the view of|in the words of
secondo|per|stando a|a detta di|a giudizio di
selon|d apres|aux yeux de|de l avis de
laut|nach angaben|nach ansicht|zufolge|gemass
segun|de acuerdo con|a juicio de|para
volgens|aldus|naar
`)

// agentPreps introduce the agent of a passive: "attributed by Microsoft",
// "accusati dal governo", "inculpés par le ministère".
var agentPreps = words(`by da dal dallo dalla dai dagli dalle par von vom por door`)

// speechVerbs introduce or close a quotation: "the FBI said", "ha
// affermato il ministro", "reads the Declaration", "dijo el Comando".
var speechVerbs = words(`
said says told stated states added adds wrote writes reads read continues continued explained noted warned declared
affermato afferma detto dice dichiarato dichiara spiegato aggiunto aggiunge scrive scritto risposto continua sottolineato
declare affirme dit ajoute explique ecrit poursuit souligne
sagte sagt erklarte erklart schreibt betonte fugte hiess
dijo dice afirmo afirma declaro explico senalo anadio agrego indico aseguro
zei zegt verklaarde schrijft aldus
`)

// statementNouns stand for what a party issued; "the advisory said" points
// back to whoever issued it.
var statementNouns = words(`
advisory alert bulletin statement declaration report notice announcement communique warning release
avviso allerta bollettino dichiarazione comunicato nota rapporto
avis alerte bulletin declaration communique rapport
warnung erklarung mitteilung bericht hinweis
aviso alerta boletin declaracion comunicado informe
waarschuwing verklaring bericht rapport
`)

// pronounParties name the party of an earlier sentence: "they found",
// "the agencies said", "officials believed", "the government agencies".
var pronounParties = words(`
they agency agencies officials authorities government governments administration spokesperson spokesman spokeswoman
department ministry minister prosecutors investigators command
loro agenzia agenzie funzionari autorita governo ministero ministro portavoce
ils elles agence agences responsables autorites gouvernement ministere ministre porte-parole enqueteurs
sie behorde behorden regierung ministerium minister sprecher ermittler
ellos agencia agencias funcionarios autoridades gobierno ministerio ministro portavoz
zij instantie instanties autoriteiten regering ministerie minister woordvoerder
`)

// selfClaims: an actor "claimed responsibility" makes itself the attributor.
var selfClaims = phrases(`
claimed responsibility|claims responsibility|claiming responsibility|took responsibility|has claimed|claimed the attack|claimed credit
ha rivendicato|hanno rivendicato|rivendica|rivendicato
a revendique|revendique|ont revendique
bekannte sich|bekennt sich|reklamierte
reivindico|se atribuyo|reivindica
eiste de verantwoordelijkheid op|claimde
`)

// hedges grade how sure the sentence is; the weakest wording wins.
var (
	possibleWords = words(`
may might could can possibly possible perhaps potentially
possono puo potrebbe potrebbero forse possibile eventualmente
pourrait pourraient peut peuvent peut-etre possible eventuellement
konnte konnten kann konnen moglicherweise vielleicht eventuell moglich
podria podrian puede pueden posiblemente quizas quiza posible
kan kunnen mogelijk misschien
`)
	allegedWords = words(`
alleged allegedly allegations reportedly purportedly suspected supposedly allege alleges
presunto presunta presunti presunte presumibilmente sarebbe sarebbero avrebbe avrebbero sospettati sospetto
presume presumes presumee pretendument serait seraient aurait auraient soupconne soupconnes
mutmasslich mutmassliche mutmasslichen angeblich angebliche soll sollen vorwurf verdacht
supuesto supuesta supuestos supuestamente presuntamente presunto presuntos sospechoso
vermeend vermeende vermoedelijk zou naar verluidt
`)
	likelyWords = words(`
likely probably probable almost
probabilmente probabile verosimilmente
probablement probable vraisemblablement
wahrscheinlich vermutlich
probablemente probable
waarschijnlijk vermoedelijk
`)
	assessedWords = words(`
assess assesses assessed assessment believe believes believed judge judges judged confidence estimates concluded
ritiene ritengono valuta stima crede credono
estime estiment evalue croit pensent
schatzt glaubt geht davon einschatzung
evalua cree creen estima considera
beoordeelt denkt gelooft schat
`)
)

// denyCues reject an accusation: "denied", "nega", "dément", "bestreitet",
// "niega", "ontkent"; with "groundless" and "nothing to do with" forms.
var denyCues = words(`
deny denies denied denying rejected rejects reject rejecting dismissed dismisses refuted refutes refute groundless baseless
unfounded smear smears slander unserious
nega negano negato negando smentisce smentito smentita respinge respinto respinta infondate infondato infondata infondati
dement dementi dementent nie nient rejette rejete refute infondees infondee
bestreitet bestritt bestritten bestreiten dementiert dementierte zuruckgewiesen haltlos haltlose
niega niegan nego negado rechaza rechazo rechazan desmiente desmintio infundadas infundado infundada
ontkent ontkende ontkend verwerpt verwierp ongegrond ongegronde
`)

// denyPhrases are denial forms of several words.
var denyPhrases = phrases(`
nothing to do with|no involvement|firmly opposes|firmly opposed|without any evidence|without evidence
nulla a che fare|niente a che fare|mancanza di prove|senza alcuna prova|senza prove
rien a voir|sans fondement|sans aucune preuve|s opposait aux|s oppose aux
nichts zu tun|nichts mit|ohne beweise
nada que ver|sin fundamento|sin pruebas
niets te maken|zonder bewijs
`)

// separableDenials are German and Dutch verbs whose particle closes the
// clause: "wies die Anschuldigungen zurück", "wijst de beschuldigingen af".
var separableDenials = map[string]string{"wies": "zuruck", "weist": "zuruck", "wiesen": "zuruck", "weisen": "zuruck", "wijst": "af", "wees": "af", "wezen": "af"}

// noEvidence phrases deny that the sentence's claim holds: "there's no
// evidence ... that Russia is involved", "nessuna prova", "keine Beweise".
var noEvidence = phrases(`
no evidence|not certain|no proof|not aware of any evidence
nessuna prova|nessuna evidenza|non ci sono prove
aucune preuve|pas de preuve
keine beweise|keine hinweise|nicht sicher
ninguna prueba|no hay pruebas|no hay evidencia
geen bewijs|geen aanwijzingen
`)

// negators before a cue cancel it: "did not deny", "non ha negato".
var negators = words(`not never no didn t doesn t non mai pas jamais nicht nie kein keine nunca niet geen nooit`)

// corefHeads are nouns that, after a definite or demonstrative article,
// refer back to the last actor named: "the group", "il gruppo", "le
// groupe", "die Gruppe", "el grupo", "de groep".
var corefHeads = words(`
group gang crew actor collective outfit apt
gruppo banda collettivo attore
groupe gang collectif acteur
gruppe hackergruppe bande kollektiv akteur
grupo banda colectivo actor
groep bende collectief actor
`)

// corefDeterminers open a referring noun phrase.
var corefDeterminers = words(`the this that il lo questo quel del dello della al le la ce cet cette du au der die das dieser diese dem el este ese esa de het deze dit`)

// corefModifiers may stand between the determiner and the head: "the APT
// group", "the cyberespionage group", "il gruppo di hacker".
var corefModifiers = words(`
apt threat hacking hacker hackers cyberespionage cyber espionage ransomware criminal state sponsored state-sponsored chinese russian
iranian korean north same prolific notorious advanced persistent malicious
same stesso stessa medesimo
meme
gleiche selbe
mismo misma
zelfde
`)

// useCues say that an actor uses malware or a tool.
var useCues = words(`
use uses used using deploy deploys deployed deploying leverage leverages leveraged leveraging employ employs employed employing
wield wields wielded drop drops dropped dropping install installs installed installing rely relies relied infect infected
distribute distributed distributing spread spreading delivered delivering deliver delivers
utilizza utilizzano utilizzato utilizzata utilizzando usa usano usato usata usando impiega impiegato distribuisce installato diffonde
utilise utilisent utilise utilisee utilises utilisant emploie deploie deploye deployee installe distribue
nutzt nutzen nutzte nutzten genutzt verwendet verwendete verwenden eingesetzt setzt setzte verbreitet installiert
utiliza utilizan utilizo utilizado utilizada utilizando usa usan uso usado usada usando despliega desplego emplea empleo instalo distribuye
gebruikt gebruikte gebruiken ingezet zet verspreidt installeert
`)

// exploitCues say that an actor exploits a vulnerability; attack words
// and use cues count as well, since a vulnerability named beside an actor
// in a sentence about attacks is one it exploited.
var exploitCues = words(`
exploit exploits exploited exploiting exploitation abuse abuses abused abusing weaponized weaponised chained
sfrutta sfruttano sfruttato sfruttata sfruttando sfruttamento
exploite exploitent exploitee exploitant exploitation abuse
ausgenutzt ausnutzt ausnutzen nutzte nutzt missbraucht ausnutzung
explota explotan exploto explotado explotando explotacion aprovecha aprovecho aprovechando
misbruikt misbruikte uitgebuit
`)

// activeWords and sinceWords make "active since 2012", "attivo dal 2012",
// "actif depuis 2012", "aktiv seit 2012", "activo desde 2012", "actief
// sinds 2012".
var (
	activeWords = words(`active activity operating operational operated around
attivo attiva attivi attive attivita operativo operativi operante
actif active actifs actives activite operationnel opere
aktiv aktive aktiven aktivitat tatig operiert
activo activa activos activas actividad operando operativo
actief actieve activiteit operationeel`)
	sinceWords  = words(`since dal dai dalla dall depuis seit desde sinds`)
	atLeastWord = phrases(`at least|almeno|au moins|mindestens|spatestens|al menos|por lo menos|minstens|ten minste`)
)

// firstWords and firstReportVerbs make "first reported by Microsoft in
// December 2019" and its translations.
var (
	firstPhrases = phrases(`first|for the first time|per la prima volta|pour la premiere fois|la premiere fois|erstmals|zum ersten mal|erstmalig|por primera vez|voor het eerst`)
	firstVerbs   = words(`
reported spotted discovered documented identified observed detected disclosed described seen exposed uncovered publicized named tracked
segnalato segnalata scoperto scoperta individuato individuata rilevato rilevata identificato identificata documentato descritto osservato
signale signalee decouvert decouverte identifie identifiee documente decrit observe detecte repere
entdeckt gemeldet beschrieben dokumentiert identifiziert beobachtet aufgedeckt
reportado reportada descubierto descubierta documentado documentada identificado identificada detectado observado descrito
gemeld ontdekt beschreven gedocumenteerd geidentificeerd waargenomen
`)
)

// The cue sets sentences are tested against (see cueSet).
var (
	cueStrong    = newCue(strongCues, strongPhrases)
	cueReport    = newCue(reportCues, reportPhrases)
	cueSelf      = newCue(nil, selfClaims)
	cueSpeech    = newCue(speechVerbs, nil)
	cueStatement = newCue(statementNouns, nil)
	cueDeny      = newCue(denyCues, denyPhrases)
	cueUse       = newCue(useCues, nil)
	cueExploit   = newCue(exploitCues, nil)
	cueHedge     = newCue(mergeSets(possibleWords, allegedWords, likelyWords, assessedWords), nil)
	cueSeparable = newCue(func() wordSet {
		w := wordSet{}
		for k := range separableDenials {
			w[k] = true
		}
		return w
	}(), nil)
	cueCorefDet   = newCue(corefDeterminers, nil)
	cueFirst      = newCue(nil, firstPhrases)
	cueActive     = newCue(activeWords, nil)
	cueSince      = newCue(sinceWords, nil)
	cueRef        = newCue(mergeSets(pronounParties, statementNouns), nil)
	cueTitle      = newCue(nil, titlePhrases)
	cueAccording  = newCue(nil, accordingTo)
	cueNoEvidence = newCue(nil, noEvidence)
)

// Bits for the recognizer's word lists and for the first words of party
// names, folded into cueBits so that one table look-up per word tells
// everything a later test needs.
var (
	bitTarget = markWords(uint64(1)<<61, recognize.TargetCueWords())
	bitAttack = markWords(uint64(1)<<62, append(recognize.AttackWords(), keysOf(attackNouns)...))
	bitOrg    = markWords(uint64(1)<<63, keysOf(orgIndex))
)

func markWords(bit uint64, ws []string) uint64 {
	for _, w := range ws {
		cueBits[w] |= bit
	}
	return bit
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func mergeSets(ws ...wordSet) wordSet {
	out := wordSet{}
	for _, w := range ws {
		for k := range w {
			out[k] = true
		}
	}
	return out
}
