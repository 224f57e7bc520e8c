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

// sponsorStateWords are state wording strong enough to make a country next
// to them a sponsor, when attackers are named nearby: unlike "agency" or
// "ministry", which name accusers and victims as often as sponsors.
var sponsorStateWords = words(`
state-sponsored state-backed state-run state-linked sponsored backed nation-state state government regime military
intelligence spy spies army sponsoring affiliated nation buro
stato statale governo regime militare intelligence servizi segreti sostenuti sostenuto sponsorizzati
etat gouvernement regime militaire renseignement soutenus soutenu
staat staatlich staatliche staatlichen staatlicher regierung regime militar geheimdienst geheimdienste gesteuert gesteuerte unterstutzt unterstutzte
estado estatal gobierno regimen militar inteligencia respaldados respaldado patrocinados
overheid regering inlichtingendienst gesteund gesteunde
governo apoiados patrocinados
`)

// attackerNouns name the people or units that attack.
var attackerNouns = words(`
hackers hacker hacking group groups actors actor apt apts crews crew spies operatives operators unit units cyberespionage espionage
gruppo gruppi attori pirati criminali cyberspionaggio unita
groupe groupes pirates acteurs unite espionnage
gruppe gruppen hackergruppe akteure einheit spionage
grupo grupos piratas actores unidad espionaje
groep groepen hackersgroep actoren eenheid
atores grupo
`)

// originWords before a country make it a place of origin or an agent, not a
// victim: "threats from Russia", "attacked by China".
var originWords = words(`by from da dal dai dalla dalle par von aus vom por door uit pelo pela de_la_part`)

// locationWords before "in <country>" make it a seat or a whereabouts:
// "based in", "arrested in", "fugitives in".
var locationWords = words(`verortet ansassig based located headquartered arrested fugitives hiding lives living situated situada situado sede arrestati arrestato arretes arretes verortet festgenommen detenidos ubicada ubicado gevestigd operating operate operates`)

// inPreps introduce the place where an attack happened.
var inPreps = words(`in en nel nella nei negli nelle au aux im throughout across`)

// lawWords mark a sentence about law enforcement, whose countries take
// part in an operation rather than suffer an attack.
var lawWords = words(`authorities police law enforcement europol eurojust operation takedown disrupt dismantle arrested seized participation
polizia operazione autorita polizei behorden operation policia operacion autoridades politie autoriteiten`)

// institutionWords before "in <country>" make the country the seat of an
// institution, not a victim: "agencies in the US", "authorities in France".
var institutionWords = words(`agencies agency authorities officials police government governments ministry ministries embassy embassies court courts
prosecutors regulators firm firms company companies researchers experts
agenzie autorita funzionari polizia governo ambasciata agences autorites police gouvernement ambassade
behorden polizei regierung botschaft agencias autoridades policia gobierno embajada instanties politie regering`)

// agentNouns before "of <country>" make the country the one acting: "an
// attempt by China", "un tentativo della Cina".
var agentNouns = words(`attempt attempts effort efforts campaign operation tentativo tentativi sforzo campagna operazione tentative tentatives
campagne versuch versuche kampagne intento intentos campana operacion poging pogingen`)

// hedgeWords open a question the sentence does not answer: "declined to say
// whether the malware was used against US organisations".
var hedgeWords = words(`whether ob`)

// inPrepsNamesOnly introduce a place only before a country's name, never an
// adjective: French "à" folds to the English article "a".
var inPrepsNamesOnly = words(`a`)

// attackWords show that a sentence reports an attack with victims.
var attackWords = words(`
attack attacks attacked cyberattack cyberattacks hacked breached compromised infected affected affects affecting hit struck stores victims targeting targeted
target targets stole stolen steal stealing theft spying probing intrusions
attacchi attacco colpiti colpito infettati compromessi rubato rubati
attaque attaques attaquees piratees victimes infectes touches touche touchees assauts subi vole voles intrusions
angriff angriffe cyberangriff betroffen infiziert angegriffen gestohlen griff greift griffen attackierte
ataque ataques ciberataque afectados infectados atacadas atacados robaron robado
aanval aanvallen getroffen geinfecteerd
`)

// sponsorCompounds follow a country name with a hyphen: "China-linked".
var sponsorCompounds = words(`linked backed sponsored nexus affiliated aligned based allied`)

// sponsorPreps precede a country name: "legati alla Cina", "liés à la Chine".
var sponsorPreps = phrases(`
linked to|linked to|tied to|backed by|sponsored by|supported by|working for|working with|acting on behalf of|affiliated with|associated with|connected to|attributed to|attributed directly to|directed by|tasked by|part of|close to|at the behest of
legati alla|legati al|legato alla|legato al|parte del|parte della|supportati dalla|collegati al|sostenuti dalla|sostenuti dal|sostenuto dalla|collegati alla|collegati al|per conto della|per conto del|riconducibili alla|attribuiti alla
lies a la|lie a la|lies au|en lien avec la|en lien avec le|soutenus par la|soutenus par le|pour le compte de la|attribues a la|attribue a la
im auftrag|verbunden mit|unterstutzt von|zugeschrieben|teil des|teil der
vinculados a|vinculado a|apoyados por|respaldados por|patrocinados por|ligados a|atribuidos a|atribuido a|al servicio de
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

// blameNouns before a country blame it: "condemnation of China".
var blameNouns = words(`condemnation condanna condamnation verurteilung condena veroordeling`)

// linkVerbs tie an actor to a state body: "links the group to Iranian
// intelligence".
var linkVerbs = words(`links linked ties tied connects connected connecting attributes attributed vincula vinculo collega collegato relie verknupft koppelt`)

// clauseWords start another clause: a targeting word before them does not
// reach a country after them.
var clauseWords = words(`but however while whereas although according ma pero mais aber maar mas pero mientras tandis mentre`)

// regionQualifiers turn "America" into a region: "North America",
// "América del Norte", "Lateinamerika".
var regionQualifiers = words(`north south latin central northern southern norte sur latina nord sud latine sudamerica zentral noord zuid latijns`)

// involvementCues: "North Korea may have been involved".
var involvementCues = words(`involved behind responsible coinvolta coinvolto dietro responsabile implique derriere responsable beteiligt verantwortlich hinter involucrado detras responsable betrokken achter verantwoordelijk envolvido`)

// targetCues precede a victim: "targeted Belgium", "hanno preso di mira",
// "visant la Belgique", "Angriffe auf".
var targetCues = words(`
target targets targeted targeting attack attacks attacked attacking hit hits hitting breach breached breaching spying espionage
compromise compromised compromising infiltrate infiltrated hack hacked hacking against victims victim spied spying
struck strike penetrated intrusions intrusion affected affecting impacted probing probe probed
mira bersagli bersaglio colpito colpiti colpita colpendo attaccato attaccati attaccata attacco attacchi contro violato violati mirati
vise visant visee vises visees ciblant cible ciblee cibles attaque attaques attaquee pirate piratee assauts
gegen angegriffen angriff angriffe attackiert gehackt zielten zielte richteten betroffen auszuspionieren ausspionieren spioniert
contra ataco atacaron atacado atacados ataque ataques dirigidos dirigido objetivo hackeado afecto afectado violar
tegen aangevallen aanval aanvallen doelwit gericht gehackt getroffen
atacou atacaram alvo visando afetou
`)

// attributorCues follow a country that makes an accusation: "Belgium
// accuses", "il Belgio accusa", "Belgium assesses".
var attributorCues = words(`
said says say accuses accused accuse blames blamed blame attributes attributed attribute assesses assessed
exposes exposed revealed reveals claims claimed announced announces alleges alleged declared declares stated states
sanctioned sanctions charged charges indicted warned warns links linked connects connected ties tied issued points pointed calls called
condemned condemns
accusa accusano afferma affermato dichiarato rivela rilevato ritiene attribuisce collega incolpato
accuse accusent affirme declare revele attribue estime
beschuldigt erklart erklarte wirft macht sagt sagte verhangt verhangte
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
	"ministero_della_sicurezza_di_stato": "CN", "ministere_de_la_securite_de_l_etat": "CN", "ministerio_de_seguridad_del_estado": "CN",
	"ministerium_fur_staatssicherheit": "CN", "hainan_state_security_department": "CN", "state_security_department": "CN",
	"buro_fur_aufklarung": "KP", "general_staff": "RU", "main_intelligence_directorate": "RU",
}
