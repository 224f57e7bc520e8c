package claims

// The parties that make, repeat or deny claims, written by the aptwatch
// developers: government agencies (with the state they belong to), security
// vendors, news outlets and international bodies. One entry a line:
//
//	kind country | canonical name | name; name; ...
//
// kind is agency, state (speaks for its state: "White House", "Kremlin"),
// capital (stands for its state unless it is a place: "in Washington"),
// vendor, outlet or body. A name written in capitals ("FBI") matches only
// in capitals; a name with a capital letter ("Mandiant") needs a capital in
// the text; a name written in lower case ("agencia de seguridad nacional")
// matches in any case, since descriptions are written both ways.
const partyLexicon = `
agency US | FBI | FBI; Federal Bureau of Investigation; Buró Federal de Investigaciones; Oficina Federal de Investigaciones; Bureau fédéral d'enquête; Bundespolizei FBI
agency US | NSA | NSA; National Security Agency; agencia de seguridad nacional; Agence nationale de la sécurité; agenzia per la sicurezza nazionale; Nationale Sicherheitsbehörde
agency US | CISA | CISA; Cybersecurity and Infrastructure Security Agency; Cybersecurity Infrastructure Security Agency
agency US | US Cyber Command | Cyber Command; USCYBERCOM; CYBERCOM; Cyber National Mission Force; CNMF; Comando Cibernético; comando cibernetico; Cyber-Kommando; Commandement cyber
agency US | U.S. Department of Justice | Department of Justice; Justice Department; DOJ; DoJ; département de la Justice; ministère américain de la Justice; Dipartimento di Giustizia; Departamento de Justicia; US-Justizministerium; amerikanische Justizministerium; amerikanischen Justizministerium
agency US | U.S. Department of State | Department of State; State Department; Dipartimento di Stato; Département d'État; Departamento de Estado; US-Außenministerium
agency US | DHS | DHS; Department of Homeland Security; Department for Homeland Security
agency US | Secret Service | Secret Service; US Secret Service
agency US | FBI National Cyber Investigative Joint Task Force | National Cyber Investigative Joint Task Force; NCIJTF
agency US | U.S. Treasury | Treasury Department; Department of the Treasury; OFAC
agency US | ODNI | ODNI; Office of the Director of National Intelligence
agency US | CIA | CIA
agency GB | NCSC | NCSC; National Cyber Security Centre; National Cyber Security Center; Centro de Ciberseguridad nacional; Centro nazionale per la sicurezza informatica; Nationales Zentrum für Cybersicherheit; Nationalen Zentrum für Cybersicherheit; Centre national de cybersécurité
agency GB | GCHQ | GCHQ
agency CA | CSE | CSE; Communications Security Establishment; Communication Security Establishment; Canadian Centre for Cyber Security
agency AU | ACSC | ACSC; Australian Cyber Security Centre; Australian Signals Directorate; ASD
agency NZ | GCSB | GCSB; NCSC New Zealand
agency DE | BSI | BSI; Bundesamt für Sicherheit in der Informationstechnik
agency DE | BfV | BfV; Bundesamt für Verfassungsschutz; Verfassungsschutz
agency FR | ANSSI | ANSSI
agency NL | AIVD | AIVD
agency NL | MIVD | MIVD
agency IT | ACN | ACN; Agenzia per la Cybersicurezza Nazionale; CSIRT Italia
agency ES | CCN-CERT | CCN-CERT; CCN; INCIBE
agency BE | CCB | CCB; Centre for Cybersecurity Belgium
agency KR | NIS | NIS; National Intelligence Service
agency UA | CERT-UA | CERT-UA
agency UA | SBU | SBU; Security Service of Ukraine
state US | U.S. government | White House; Casa Bianca; Maison Blanche; Weißes Haus; Weisse Haus; Casa Blanca; Witte Huis
state GB | UK government | Foreign Office; Foreign, Commonwealth and Development Office; FCDO; Downing Street
state RU | Russian government | Kremlin; Cremlino; Kreml; Kremlin's
capital RU | Russian government | Moscow; Moskau; Mosca; Moscou; Moscú
capital CN | Chinese government | Beijing; Pechino; Pékin; Peking; Pekín
capital IR | Iranian government | Tehran; Teheran; Téhéran; Teherán
capital KP | North Korean government | Pyongyang
capital US | U.S. government | Washington
body - | European Union | European Union; EU; Unione Europea; Union européenne; Europäische Union; Unión Europea; UE; Europese Unie
body - | NATO | NATO; OTAN; NAVO
body - | Europol | Europol
body - | United Nations | United Nations; Nazioni Unite; Nations unies; Vereinte Nationen; Naciones Unidas; Verenigde Naties
vendor - | Microsoft | Microsoft; MSTIC; Microsoft Threat Intelligence Center; Microsoft Threat Intelligence
vendor - | Google | Google; Threat Analysis Group; Google TAG
vendor - | Mandiant | Mandiant
vendor - | FireEye | FireEye
vendor - | CrowdStrike | CrowdStrike
vendor - | Palo Alto Networks | Palo Alto Networks; Unit 42
vendor - | Kaspersky | Kaspersky; Kaspersky Lab; GReAT
vendor - | ESET | ESET
vendor - | Symantec | Symantec; Broadcom
vendor - | Cisco Talos | Cisco Talos; Talos
vendor - | Check Point | Check Point; Check Point Research
vendor - | Trend Micro | Trend Micro
vendor - | Recorded Future | Recorded Future; Insikt Group
vendor - | Secureworks | Secureworks; SecureWorks
vendor - | Proofpoint | Proofpoint
vendor - | SentinelOne | SentinelOne; SentinelLabs
vendor - | Sophos | Sophos
vendor - | McAfee | McAfee
vendor - | Trellix | Trellix
vendor - | Bitdefender | Bitdefender
vendor - | Fortinet | Fortinet; FortiGuard Labs
vendor - | Volexity | Volexity
vendor - | Huntress | Huntress; Huntress Labs
vendor - | Group-IB | Group-IB
vendor - | Positive Technologies | Positive Technologies
vendor - | Dragos | Dragos
vendor - | Avast | Avast
vendor - | Malwarebytes | Malwarebytes
vendor - | Zscaler | Zscaler
vendor - | Cybereason | Cybereason
vendor - | ClearSky | ClearSky
vendor - | IBM X-Force | X-Force; IBM X-Force
vendor - | Lookout | Lookout
vendor - | Citizen Lab | Citizen Lab
vendor - | Amnesty International | Amnesty International
vendor - | AhnLab | AhnLab
vendor - | Qihoo 360 | Qihoo 360; Qihoo
vendor - | QiAnXin | QiAnXin; Qi An Xin
vendor - | Team Cymru | Team Cymru
vendor - | Rapid7 | Rapid7
vendor - | Akamai | Akamai
vendor - | Cloudflare | Cloudflare
vendor - | WithSecure | WithSecure; F-Secure
vendor - | Sekoia | Sekoia; SEKOIA
vendor - | Yoroi | Yoroi
vendor - | Cluster25 | Cluster25
vendor - | Intezer | Intezer
vendor - | Elastic | Elastic Security Labs
vendor - | Black Lotus Labs | Black Lotus Labs; Lumen
vendor - | NCC Group | NCC Group
vendor - | PwC | PwC
vendor - | Accenture | Accenture
vendor - | Chainalysis | Chainalysis
vendor - | Emsisoft | Emsisoft
vendor - | Coveware | Coveware
vendor - | Kroll | Kroll
vendor - | Trustwave | Trustwave
vendor - | Deep Instinct | Deep Instinct
vendor - | Morphisec | Morphisec
vendor - | Netskope | Netskope
vendor - | Telsy | Telsy
vendor - | TG Soft | TG Soft
vendor - | Lab52 | Lab52
vendor - | S2W | S2W
vendor - | NSFOCUS | NSFOCUS
outlet - | Bloomberg | Bloomberg
outlet - | Reuters | Reuters
outlet - | Associated Press | Associated Press; AP
outlet - | AFP | AFP; Agence France-Presse
outlet - | CNN | CNN
outlet - | NBC News | NBC News; NBC
outlet - | CBS News | CBS News; CBS
outlet - | ABC News | ABC News
outlet - | BBC | BBC
outlet - | The Record | The Record
outlet - | Washington Post | Washington Post
outlet - | New York Times | New York Times; NYT
outlet - | Wall Street Journal | Wall Street Journal; WSJ
outlet - | Financial Times | Financial Times
outlet - | The Guardian | The Guardian
outlet - | Politico | Politico
outlet - | Axios | Axios
outlet - | ZDNet | ZDNet
outlet - | BleepingComputer | BleepingComputer; Bleeping Computer
outlet - | The Register | The Register
outlet - | SecurityWeek | SecurityWeek
outlet - | Wired | Wired
outlet - | TechCrunch | TechCrunch
outlet - | CyberScoop | CyberScoop; CYBERSCOOP
outlet - | Yonhap | Yonhap; YONHAP
outlet - | Kyodo | Kyodo
outlet - | ANSA | ANSA
outlet - | Der Spiegel | Der Spiegel; Spiegel
outlet - | Le Monde | Le Monde
outlet - | El País | El País
outlet - | NOS | NOS
outlet - | The Hacker News | The Hacker News
outlet - | Dark Reading | Dark Reading
`

// vendorUnits may follow a vendor's name inside the name of one of its
// teams ("Microsoft Threat Intelligence Center", "Google researchers");
// any other capitalised word after a vendor makes a product ("Microsoft
// Exchange", "Google Chrome"), which is not a party.
var vendorUnits = words(`threat intelligence security research researchers labs lab center centre team unit incident response digital
global said says analysts experts report reports mstic tag s`)

// productNouns after a vendor make it a product or a target: "a Fortinet
// vulnerability", "Microsoft servers".
var productNouns = words(`vulnerability vulnerabilities flaw flaws bug bugs server servers software product products device devices vpn
firewall firewalls appliance appliances zero-day zero day patch patches update updates customers users email mail account accounts
vulnerabilita falla falle prodotti server dispositivi clienti vulnerabilite faille failles produits serveurs clients schwachstelle
schwachstellen lucke lucken produkte kunden vulnerabilidad vulnerabilidades fallo fallos productos servidores clientes kwetsbaarheid
kwetsbaarheden producten klanten`)

// stateNouns after (or, in Romance order, before) a country make it the
// state speaking: "the Belgian government", "il governo belga", "l'ambassade
// de Chine", "die britische Regierung", "the Chinese embassy".
var stateNouns = words(`
government governments administration authorities officials official minister ministers ministry ministries embassy embassies
spokesperson spokesman spokeswoman agencies agency department side president premier cabinet foreign secretary affairs diplomats
diplomat prosecutors mission
parte cote seite lado zijde
governo governi autorita funzionari funzionario funzionaria ministro ministri ministero ministeri ambasciata portavoce agenzie presidente esteri diplomatici
gouvernement gouvernements autorites responsables ministre ministres ministere ministeres ambassade porte-parole agences president
etrangeres diplomates
regierung regierungen behorden behorde minister ministerium ministerien aussenminister aussenministerin aussenministerium botschaft
sprecher sprecherin sicherheitsbehorden prasident
gobierno gobiernos autoridades funcionarios ministro ministros ministerio ministerios embajada portavoz agencias presidente exteriores
regering regeringen overheid autoriteiten minister ministers ministerie ambassade woordvoerder instanties
`)

// embassyNouns make the party an embassy rather than a government.
var embassyNouns = words(`embassy embassies ambasciata ambassade botschaft embajada`)

// stateNounFillers may stand between a state noun and the country in
// Romance and genitive order: "governo belga", "ambasciata cinese",
// "government of Belgium", "ambassade de Chine", "Minister for Foreign
// Affairs of Belgium".
var stateNounFillers = words(`of the de la le du des del della dello degli di dell l el los s`)

// titleWords before a capitalised name make a person: "Deputy Attorney
// General Jeffrey Rosen", "Foreign Secretary Dominic Raab".
var titlePhrases = phrases(`
attorney general|deputy attorney general|foreign secretary|home secretary|secretary of state|prime minister|foreign minister|minister|secretary
director|spokesperson|spokesman|spokeswoman|ambassador|senator|president|national security advisor|deputy national security advisor
ministro|ministro degli esteri|portavoce|presidente|direttore|procuratore
ministre|porte parole|president|directeur|procureur
aussenminister|aussenministerin|minister|ministerin|sprecher|sprecherin|prasident|direktor
ministro|portavoz|presidente|director|fiscal|fiscal general
minister|woordvoerder|president|directeur
`)

// placePreps before a capital make it a place, not its government: "in
// Washington", "l'ambassade de Chine à Washington".
var placePreps = words(`in at to from a nel nella da en au aux im in aus nach de desde vanuit naar uit`)
