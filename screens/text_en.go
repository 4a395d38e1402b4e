package screens

// textEN is the English catalogue: the same keys as textFR.
var textEN = map[string]string{
	// --- shell
	"app.ent":         "Digital Workspace (ENT)",
	"app.demo":        "DEMO",
	"app.lang":        "EN",
	"app.idle":        "Inactive: back to the home screen in %d s (press a key to stay)",
	"app.idle.close":  "Inactive: the session closes in %d s (press a key to stay)",
	"app.busy":        "Please wait…",
	"app.loggedas":    "Logged in: %s",
	"app.closing":     "The service is restarting: your session will close.",
	"app.toosmall":    "Make the window larger (at least 80 × 24).",
	"app.size":        "Current size: %d × %d",
	"common.datetime": "%s at %s",
	"common.yes":      "Yes",
	"common.no":       "No",

	// --- keys
	"keyname.esc":   "Esc",
	"keyname.enter": "Enter",
	"key.help":      "help",
	"key.lang":      "Français",
	"key.mailbox":   "mailbox",
	"key.back":      "back",
	"key.home":      "home",
	"key.quit":      "quit",
	"key.next":      "next",
	"key.scroll":    "scroll",
	"key.submit":    "submit",
	"key.choose":    "choose",
	"key.login":     "log in",
	"key.open":      "open",
	"key.toggle":    "tick",

	// --- errors from the store
	"error.credentials":               "Wrong identifiant or password.",
	"error.rights.ended":              "Your access to the digital resources ended on %s.",
	"error.rights.none":               "No valid registration: access to the digital resources is not open.",
	"error.busy":                      "The service is very busy: try again in a few seconds.",
	"error.limit.disabled":            "Too many tries: this check is blocked. Contact the helpdesk.",
	"error.limit.mail":                "A code was just sent. You can ask for another at %s.",
	"error.limit.lookup":              "Too many tries for this student number. Try again on %s.",
	"error.limit.client":              "Too many attempts from this terminal. Try again at %s.",
	"error.nomatch":                   "No registration matches this student number and birth date.",
	"error.code.wrong.one":            "Wrong code. %d try left.",
	"error.code.wrong.other":          "Wrong code. %d tries left.",
	"error.code.revoked":              "Wrong code. This code no longer works: ask for a new one.",
	"error.code.expired":              "This code has expired (24 h). Ask for a new one.",
	"error.code.replaced":             "This code was replaced by a newer one: type the code from the latest mail.",
	"error.code.used":                 "This code no longer works (already used, or replaced by a newer one). Ask for a new one.",
	"error.token":                     "This link is not valid. Use the code from the mail, or ask for a new one.",
	"error.active":                    "This account is already activated.",
	"error.email":                     "This mail address is not valid.",
	"error.email.same":                "This is already the address on record.",
	"error.email.own":                 "Your mailbox cannot be redirected to itself.",
	"error.email.recovery.university": "The recovery address must be a personal address, not a university one.",
	"error.email.redirect.university": "Mail cannot be redirected to another university mailbox: give an address outside the university.",
	"error.password.same":             "The new password must differ from the current one.",
	"error.password.current":          "Current password incorrect.",
	"error.charter":                   "You must accept the charter to activate your account.",
	"error.nothelpdesk":               "This function is not available.",
	"error.internal":                  "Something went wrong. Try again; if it persists, contact the helpdesk.",
	// errors of the flows (activation, codes)
	"error.identifiant.unknown":     "No account to activate with this identifiant.",
	"error.limit.mail.hourly.one":   "%d code an hour at most: next one possible at %s.",
	"error.limit.mail.hourly.other": "%d codes an hour at most: next one possible at %s.",

	// --- password picker
	"password.new":                  "New password",
	"password.confirm":              "Confirm the password",
	"password.refused":              "This password does not follow the rules below.",
	"password.mismatch":             "The two entries differ.",
	"password.rule.length":          "at least %d characters (%s)",
	"password.typed.one":            "%d typed",
	"password.typed.other":          "%d typed",
	"password.rule.max":             "at most %d characters",
	"password.rule.digit":           "at least one digit",
	"password.rule.letter":          "at least one letter",
	"password.rule.forbidden":       "none of the characters < > \" ' $",
	"password.rule.forbidden.found": "character \"%s\" not allowed (position %d)",
	"password.rule.dictionary":      "not a dictionary word nor a common password",
	"password.rule.personal":        "not built on your names, identifiant, student number or birth date",
	"password.rule.match":           "both entries are the same",
	"password.strength":             "Strength",
	"password.strength.0":           "very weak",
	"password.strength.1":           "weak",
	"password.strength.2":           "fair",
	"password.strength.3":           "good",
	"password.strength.4":           "excellent",
	"password.recommended":          "(%d characters recommended)",

	// --- fields that cut what does not fit; the console after a revoked role
	"form.cut.paste":        "Pasted text is longer than %d characters: it was cut.",
	"form.cut.key":          "%d characters at most: this field is full.",
	"dash.helpdesk.revoked": "You no longer have the helpdesk role: the console is no longer available.",

	// --- home (login)
	"home.title":             "Log in to your ENT account",
	"home.identifiant":       "Identifiant",
	"home.identifiant.hint":  "firstname.lastname (staff: firstname.lastname@umontpellier.fr)",
	"home.password":          "Password",
	"home.login":             "Log in",
	"home.checking":          "Checking…",
	"home.nopassword":        "No password yet?",
	"home.first":             "First login",
	"home.first.desc":        "activate my account",
	"home.other":             "A problem, a question?",
	"home.problem":           "Login problem",
	"home.problem.desc":      "forgotten password, locked account",
	"home.lookup":            "Look up my registration (IA)",
	"home.lookup.desc":       "find my identifiant",
	"home.help":              "Help",
	"home.required":          "Type your identifiant and your password.",
	"home.required.password": "Type your password.",
	"home.refused.hint":      "Never activated your account? \"First login\". After %d errors, logging in is suspended for a few minutes: wait, or \"Login problem\" for a new password.",
	"home.key.first":         "first login",
	"home.key.problem":       "login problem",
	"home.key.lookup":        "look up my registration",
	"home.key.help":          "open the help",

	// --- code entry (CodeEntry, shared by every flow that mails a code)
	"code.sent":                   "A code was sent to %s.",
	"code.expires":                "The code is valid until %s.",
	"code.demo":                   "Demo: the mail is in the demo mailbox (F4).",
	"code.label":                  "Code from the mail (8 digits)",
	"code.hint":                   "Only digits count: spaces are ignored.",
	"code.submit":                 "Check the code",
	"code.resend":                 "Send the code again",
	"code.resend.at":              "Send the code again: possible at %s",
	"code.resend.at.hourly.one":   "Send the code again: possible at %[2]s (%[1]d code an hour at most)",
	"code.resend.at.hourly.other": "Send the code again: possible at %[2]s (%[1]d codes an hour at most)",
	"code.new":                    "Get a new code",
	"code.new.at":                 "Get a new code: possible at %s",
	"code.new.at.hourly.one":      "Get a new code: possible at %[2]s (%[1]d code an hour at most)",
	"code.new.at.hourly.other":    "Get a new code: possible at %[2]s (%[1]d codes an hour at most)",
	"code.resent":                 "A new code was sent; the previous one no longer works.",
	"code.short.one":              "The code has %[2]d digits (%[1]d typed).",
	"code.short.other":            "The code has %[2]d digits (%[1]d typed).",
	"key.resend":                  "send the code again",
	"key.newcode":                 "new code",

	// --- flows (shared by activation, lost password and the code entry)
	"flow.account": "Account: %s",
	"flow.notyet":  "Not yet: possible from %s (in %d min).",

	// --- activation (1ère connexion)
	"keyname.space":                   "Space",
	"key.activate":                    "activate",
	"activation.title":                "First login",
	"activation.steptitle":            "%s — step %d of %d: %s",
	"activation.step.identify":        "who you are",
	"activation.step.code":            "activation code",
	"activation.step.charter":         "charter",
	"activation.step.redirect":        "mailbox",
	"activation.step.password":        "password",
	"activation.intro":                "Activate your computer account (mail, ENT, Moodle, Wi-Fi…). Type your identifiant: it is in the activation mail sent to your personal address.",
	"activation.identifiant":          "Identifiant",
	"activation.identifiant.hint":     "firstname.lastname (staff: firstname.lastname@umontpellier.fr)",
	"activation.identifiant.required": "Type your identifiant.",
	"activation.continue":             "Continue",
	"activation.bynumber":             "I do not know my identifiant (student number and birth date)",
	"activation.byident":              "I know my identifiant",
	"activation.bynumber.intro":       "Say who you are with your student number (on your student card or certificate of registration) and your birth date.",
	"activation.number":               "Student number",
	"activation.number.hint":          "8 digits",
	"activation.number.invalid":       "The student number has exactly 8 digits.",
	"activation.birth":                "Birth date",
	"activation.birth.hint":           "ddmmyyyy, for example 14072004",
	"activation.birth.invalid":        "Not a date: day, month, year (ddmmyyyy), for example 14072004.",
	"activation.tooearly":             "Activation possible from %s (in %d min)",
	"activation.early.now":            "Your account can be activated now.",
	"activation.early.why":            "Your administrative registration was just validated. Your account can be activated %d minutes after the validation; the activation code will then be sent to your personal mail address.",
	"activation.early.retry":          "Try again",
	"activation.early.home":           "Back to the home screen",
	"activation.active.notice":        "This account is already activated: it cannot be activated twice. Forgot your password? Ask for a new one below.",
	"activation.code.intro":           "Type the activation code from the mail.",
	"activation.charter.intro":        "Read the charter for the use of digital resources and accept it.",
	"activation.charter.read":         "(%d %% read)",
	"activation.charter.accept":       "I have read the charter and I accept it",
	"activation.redirect.ready":       "Your university mailbox is ready: %s",
	"activation.redirect.question":    "Do you want its messages to be sent to your recovery address %s as well?",
	"activation.redirect.why":         "The university writes to you at the university address: read it, or forward it. You can change this choice at any time from your dashboard.",
	"activation.redirect.none":        "No: I read my messages in the university mailbox",
	"activation.redirect.copy":        "Yes, keeping a copy in the university mailbox",
	"activation.redirect.nocopy":      "Yes, without keeping a copy",
	"activation.password.submit":      "Activate my account",
	"activation.done.title":           "account activated",
	"activation.done.ok":              "Your account is activated.",
	"activation.done.identifiant":     "Identifiant",
	"activation.done.redirection":     "Redirection",
	"activation.done.noredirect":      "none: your messages stay in your university mailbox",
	"activation.done.redirect.copy":   "to %s, a copy kept in the university mailbox",
	"activation.done.redirect.nocopy": "to %s, no copy kept",
	"activation.done.how":             "To log in, type your identifiant (%s is enough) and the password you just chose: at an ENT kiosk on campus, or from home (see the help, F1).",
	"activation.done.login":           "Log in",
	"activation.unknown.next":         "Check it: firstname.lastname, accents and apostrophes removed (Hélène D'Arc → helene.darc), homonyms numbered (marie.petit2). Or identify with your student number and birth date: the \"I do not know my identifiant\" link above.",
	"activation.rights.ended":         "This account's access to the digital resources has ended.",
	"activation.rights.next":          "To register again: %s. Access comes back with the same identifiant. Any question? Contact the helpdesk%s.",
	"key.untoggle":                    "untick",

	// --- recovery (Problème de connexion)
	"recovery.menu.title":           "Login problem — Computer account management",
	"recovery.menu.intro":           "Login problem: choose your case.",
	"recovery.title":                "Login problem",
	"recovery.case.activation":      "I never activated my account",
	"recovery.case.forgot":          "I forgot my password",
	"recovery.case.trouble":         "I have trouble logging in",
	"recovery.forgot.title":         "forgotten password",
	"recovery.forgot.intro":         "Type your identifiant. A code will be sent to the account's recovery address (the personal address given at registration, or the one you chose since).",
	"recovery.identifiant":          "Identifiant",
	"recovery.identifiant.hint":     "firstname.lastname (staff: firstname.lastname@umontpellier.fr)",
	"recovery.identifiant.required": "Type your identifiant.",
	"recovery.send":                 "Get a code",
	"recovery.sent":                 "A mail was sent to your recovery address: %s.",
	"recovery.code.nothing":         "Nothing after a few minutes? Check the identifiant you typed, and your spam folder.",
	"recovery.pending.notice":       "Your account was never activated: finish its activation; you will choose your password at the end.",
	"recovery.password.title":       "new password",
	"recovery.password.submit":      "Save the password",
	"recovery.done.title":           "password changed",
	"recovery.done.ok":              "Your password was changed.",
	"recovery.done.notice":          "A mail to your recovery address confirms it. If your account was locked after mistakes, it is unlocked.",
	"recovery.done.how":             "Log in with your identifiant %s (%s is enough) and this new password.",
	"recovery.done.login":           "Log in",
	"recovery.trouble.title":        "checks",
	"recovery.trouble.intro":        "Check these points one by one; each says what to do.",
	"recovery.check.of":             "point %d of %d",
	"recovery.action.home":          "Back to the login",
	"recovery.action.lookup":        "Look up my registration (IA)",
	"recovery.action.activate":      "Activate my account (first login)",
	"recovery.action.forgot":        "Reset my password",
	"recovery.action.help":          "Help",
	"recovery.action.next":          "Next point",
	"recovery.action.list":          "Back to the list",
	"recovery.check.caps.title":     "Capitals, keyboard, numeric keypad",
	"recovery.check.caps.text":      "The password tells capitals from small letters: check that Caps Lock (⇪) is off. On a keyboard with another layout (AZERTY), some keys move (A/Q, Z/W, M, digits). To type digits on the numeric keypad, turn Num Lock on. The identifiant ignores capitals.",
	"recovery.check.ident.title":    "The form of the identifiant",
	"recovery.check.ident.text":     "Your identifiant is firstname.lastname, or the full address firstname.lastname@%s (staff: @%s). Accents and apostrophes are removed, spaces and other separators become \"-\": Jean-Luc D'Alembert → jean-luc.dalembert, Anne Le Guen → anne.le-guen. Two people with the same name: the second gets a number (marie.petit2). It is neither your student number nor your personal address.",
	"recovery.check.pending.title":  "Account never activated",
	"recovery.check.pending.text":   "An account must be activated (\"First login\") before it works: until then every login is refused with \"Wrong identifiant or password\". Activation is possible %d minutes after your administrative registration is validated.",
	"recovery.check.rights.title":   "End of access rights",
	"recovery.check.rights.text":    "Your resources stay accessible until 31 December of the calendar year in which your last academic year with a valid registration ends (last registration 2025/2026: access until 31/12/2026). After that, login is refused with a message that gives the date. Check that this year's registration is validated; if not, see your faculty's registrar.",
	"recovery.check.locked.title":   "Locked after mistakes",
	"recovery.check.locked.text":    "After %d wrong passwords in %d minutes, logins to the account are suspended for a while (%d s the first time, then longer and longer, up to %d min). Meanwhile even the right password is refused, with the same message. Wait, or reset your password: the reset lifts the lock.",
	"recovery.check.client.title":   "Too many attempts from this terminal",
	"recovery.check.client.text":    "A terminal (a kiosk, or a remote address) that piles up mistakes (%d in %d minutes, all accounts together) is suspended for %d minutes; the message says when it lifts. Wait, or use another terminal.",
	"recovery.check.code.title":     "The code does not arrive",
	"recovery.check.code.text":      "The code goes to the recovery address within a few minutes: look in the spam folder too. Another one can be sent %d s after the previous one, %d times an hour at most. Only the latest code works, for %d h; %d mistakes make it unusable.",
	"recovery.check.secours.title":  "No access to the recovery address",
	"recovery.check.secours.text":   "Without access to your recovery address, the code cannot reach you. Contact the helpdesk%s, or come with your student card or an identity document: they can correct the address. After logging in, you can also change it yourself from your dashboard.",
	// --- help (Aide)
	"help.title":       "Help",
	"help.more":        "↓ more (PgDn or Space)",
	"help.end":         "— end —",
	"key.topic":        "topic",
	"help.home":        "Your computer account",
	"help.activation":  "First login",
	"help.recovery":    "Login problem",
	"help.password":    "Password rules",
	"help.mail":        "Recovery address",
	"help.redirection": "Mail redirection",
	"help.dashboard":   "My account",
	"help.rights":      "End of access",
	"help.lookup":      "Look up my registration",
	"help.kiosk":       "Kiosk and privacy",
	"help.contact":     "Helpdesk",
	"help.remote":      "Connecting from home",
	"help.home.text": `Your computer account (ENT account) opens the digital services of the Université de Montpellier: mail, Moodle, timetable, libraries (BIU), eduroam Wi-Fi, the ENT mobile app.

## Your identifiant
It reads firstname.lastname@{studentdomain} (staff: firstname.lastname@{staffdomain}), in lower case, without accents or apostrophes; spaces and other separators become "-".
- Jean-Luc D'Alembert → jean-luc.dalembert
- Anne Le Guen → anne.le-guen
- a namesake gets a number: marie.petit2
An identifiant never changes and is never given to anyone else.

## Logging in
Type your full identifiant, or just firstname.lastname, then your password, and press Enter.

## New here?
- account never activated: "First login";
- identifiant unknown: "Look up my registration (IA)" shows it from your student number and birth date;
- password forgotten: "Login problem".`,
	"help.activation.text": `Your account is created when your administrative registration (IA) is validated. You can activate it {delay} minutes after the validation; before that, the screen says from what time.

1. On the home screen, choose "First login".
2. Type your identifiant. Don't know it? Give your student number (8 digits) and birth date (ddmmyyyy).
3. An {digits}-digit code goes to your personal mail address (the one given at registration), shown masked: ca•••••n@gmail.com. It is valid for {lifetime} h.
4. Type the code. Nothing came? Look in your spam folder, then "Send the code again" (possible after {resend} s): the old code stops working.
5. Read the computing charter and accept it.
6. Choose whether your university mailbox is redirected to another address (optional, can be changed later).
7. Choose your password (see "Password rules") and confirm it.

Done: the screen shows your identifiant again. Log in with it and your new password, at a kiosk or from home (see "Connecting from home", the next topic).

An account already activated is never activated again: if you forgot the password, go through "Login problem".`,
	"help.recovery.text": `"Login problem" offers three paths.

## I forgot my password
1. Type your identifiant.
2. An {digits}-digit code goes to your recovery address, shown masked. It is valid for {lifetime} h, for one use.
3. Type the code, then choose a new password.
For safety, the answer is the same whether the identifiant exists or not: if no mail comes, check the identifiant with "Look up my registration (IA)".

## I never activated my account
Follow "First login": the code goes to your personal address.

## I have trouble logging in
- check the identifiant (firstname.lastname, no accents) and the Caps Lock key;
- after several wrong passwords, logging in is blocked for a while: wait, or reset your password;
- your access may have ended: see "End of access".

## Codes
After {tries} wrong codes, the code no longer works: ask for a new one. Each new code replaces the previous one. At most {mails} code mails per hour.`,
	"help.password.text": `The university's rules, checked for every new password:
- at least {min} characters ({rec} recommended), at most {max};
- at least one digit and at least one letter;
- none of the characters < > " ' $ (the screen names the character and its position);
- not a dictionary word (French or English) nor a common password, even with digits or signs at the end or substitutions (0 for o, 3 for e, @ for a…);
- not built on your names, identifiant, student number or birth date.

Each rule ticks as you type; the strength meter recommends {rec} characters. A few unrelated words with a digit are easy to remember and hard to guess.

A refused password keeps what you typed: correct it. After each change, a notice goes to your recovery address.

Never give your password to anyone: the helpdesk never asks for it.`,
	"help.mail.text": `The recovery address (mail de secours) is your personal address: it receives the codes when you forget your password, and the notices of changes to your account. At first, it is the address given at registration. It cannot be a university address: without your password, you could not read it.

## Changing it
1. My account → "Recovery address".
2. Type the new address and your current password: an {digits}-digit code is sent to the new address.
3. Type that code: the new address replaces the old one, which is told.
Nothing changes until the code is typed: a typo in the address never loses your recovery address.

Addresses are always shown masked: ca•••••n@gmail.com.`,
	"help.redirection.text": `Messages sent to your university address can be forwarded to another address, keeping a copy in the university mailbox or not.

## Setting it up or changing it
My account → "Redirection":
- to your recovery address: applied at once;
- to another address: a code is sent to it; the redirection applies once you have typed it.
Tick "keep a copy" to also keep the messages in the university mailbox. Each change asks for your current password. Another university mailbox cannot receive the redirection.

## Stopping it
"Remove the redirection": messages then stay in the university mailbox.

On each change, a notice goes to the old destination (or to your recovery address).`,
	"help.dashboard.text": `Once logged in, "My account" shows your identifiant, name, status and the date until which your resources stay accessible, then the ENT's services with their addresses.

## What you can do
- Password: type the current one, then the new one and its confirmation;
- Recovery address: the address that receives your codes;
- Redirection: forward your university mail, or stop;
- Log out: do it before leaving a kiosk.
Each change asks for your current password: a session left open is not enough to take your account.

Move with Tab or ←/→ and press Enter. The R key reads your account again: a change made elsewhere (the helpdesk role granted or removed, for instance) then shows.`,
	"help.rights.text": `Your digital resources (mail, Moodle, Wi-Fi…) stay accessible until 31 December of the calendar year in which your last academic year with a valid registration ends.
- last registration in 2025/2026 → access until 31/12/2026;
- staff: the end date given by your department.

The date is shown on "My account" and in "Look up my registration (IA)". After it, logging in is refused with a message that gives the date.

When you register again, access comes back with the same identifiant.`,
	"help.lookup.text": `"Look up my registration (IA)" shows, without a password:
- your registrations of the current academic year: year, stage, diploma, faculty, scheme, registration status, payment status, validation date;
- your identifiant (or "account not created yet");
- the date until which your resources stay accessible.

You need:
1. your student number: exactly 8 digits (student card, certificate of enrolment);
2. your birth date as ddmmyyyy, for instance 14072004 for 14 July 2004.

If nothing matches, the screen says so without telling which of the two is wrong. The number of tries is limited.`,
	"help.kiosk.text": `On a campus kiosk:
- after {idle} s without a key, everything typed or shown is wiped and the home screen comes back; a countdown shows for the last {warn} seconds (any key keeps you there, and still counts);
- choose "Log out" before leaving;
- Ctrl+C goes back home and wipes everything; Esc goes back to the previous screen (on "My account", it logs out);
- passwords and codes are never shown in clear.

F1 opens this help from any screen, F2 switches to French.

## Demo kiosk
On a demo kiosk (DEMO badge), F4 opens the demo mailbox: the mails the service sent, with their codes, to try it without a second address.`,
	"help.contact.text": `ENT helpdesk: {contact}.

Have your identifiant or student number at hand. Once it has checked who you are, the helpdesk can resend the activation code, send a reset code, unblock logging in, or correct your recovery address.

The helpdesk will never ask for your password or for a code received by mail.`,
	"help.remote.command": "From home, the same service opens in a terminal (see below) with this command:\n  ssh -p %d %s",
	"help.remote.nohost":  "From home, the same service opens in a terminal (see below) with the ssh command. The server's address is not given here: ask the helpdesk for it%s.",
	"help.remote.text": `{connect}

ssh asks for no password: the usual login screen appears. At the very first connection, ssh shows the server's key fingerprint (SHA256:…) and asks whether to continue: compare it with the one published on the ENT's help page, and answer yes only if they are the same.

## A terminal?
- Windows: PowerShell or Terminal (Start menu); ssh is already installed.
- macOS: Terminal (Applications › Utilities).
- Linux: your desktop's terminal (often Ctrl+Alt+T).

## Links in the mails
Activation and reset mails contain an ssh://… link and the matching command: open the one, or paste the other into a terminal, and the step opens directly (the charter, or the new password), without typing the code again.

## Leaving
Ctrl+C at home closes the session (or q, when the cursor is not in a field). It also closes by itself after a while without a key; a countdown warns you first.`,

	// --- lookup (Consulter mon inscription)
	"key.lookup":                 "look up",
	"lookup.title":               "Look up my registration (IA)",
	"lookup.intro":               "The student number and birth date are enough: no password.",
	"lookup.number":              "Student number",
	"lookup.number.hint":         "8 digits (student card, certificate of enrolment)",
	"lookup.birth":               "Birth date",
	"lookup.birth.hint":          "ddmmyyyy, for instance 14072004",
	"lookup.submit":              "Look up",
	"lookup.number.required":     "Type your student number.",
	"lookup.number.digits":       "A student number has digits only (exactly 8).",
	"lookup.number.length.one":   "A student number has exactly 8 digits (%d typed).",
	"lookup.number.length.other": "A student number has exactly 8 digits (%d typed).",
	"lookup.birth.required":      "Type your birth date.",
	"lookup.birth.format":        "Expected as ddmmyyyy, for instance 14072004.",
	"lookup.birth.invalid":       "%s does not exist: check the birth date.",
	"lookup.birth.year":          "This birth date is not plausible: check the year.",
	"lookup.numberis":            "student number %s",
	"lookup.identifiant":         "Identifiant:",
	"lookup.noaccount":           "account not created yet",
	"lookup.pending":             "(to be activated)",
	"lookup.current.one":         "Registration of the current academic year (%d):",
	"lookup.current.other":       "Registrations of the current academic year (%d):",
	"lookup.none":                "No registration for the academic year %s.",
	"lookup.latest":              "Latest year of registration: %s",
	"lookup.col.year":            "Year",
	"lookup.col.etape":           "Stage",
	"lookup.col.diplome":         "Diploma",
	"lookup.col.composante":      "Faculty",
	"lookup.col.regime":          "Study mode",
	"lookup.col.statut":          "Registration",
	"lookup.col.paiement":        "Payment",
	"lookup.col.date":            "Validated on",
	"lookup.statut.valide":       "validated",
	"lookup.statut.annulee":      "cancelled",
	"lookup.paiement.paye":       "paid",
	"lookup.paiement.en_attente": "pending",
	"lookup.again":               "New lookup",
	"lookup.first":               "Activate my account (first login)",
	"rights.until":               "Resources accessible until %s",
	"rights.ended":               "Access to the resources ended on %s",
	"rights.none":                "No valid registration: no access to the digital resources",

	// --- mailbox (boîte mail de démonstration)
	"mailbox.title": "Demo mailbox",
	"mailbox.empty": "No mail yet. The codes the service sends arrive here (an activation code, 15 minutes after the registration is validated). Press r to refresh.",
	"key.mail":      "mail",
	"key.refresh":   "refresh",
	"mailbox.more":  "↓ more of this mail (PgDn)",
	"mailbox.end":   "— end of the mail —",

	// --- dashboard (Mon compte)
	"dash.title":                     "My account",
	"dash.identifiant":               "Identifiant",
	"dash.recovery":                  "Recovery address",
	"dash.redirection":               "Redirection",
	"dash.recovery.is":               "Recovery address:",
	"dash.current":                   "Now:",
	"dash.status.student":            "Status: student",
	"dash.status.staff":              "Status: staff",
	"dash.status.helpdesk":           "helpdesk",
	"dash.status.active":             "account active",
	"dash.redirection.none":          "none (your mail stays in the university mailbox)",
	"dash.redirection.to":            "to %s, %s",
	"dash.copy.kept":                 "copy kept",
	"dash.copy.none":                 "no copy",
	"dash.services":                  "ENT services",
	"dash.action.password":           "Password",
	"dash.action.recovery":           "Recovery address",
	"dash.action.redirection":        "Redirection",
	"dash.action.helpdesk":           "Helpdesk console",
	"dash.action.logout":             "Log out",
	"dash.address.required":          "Type a mail address.",
	"dash.password.title":            "Change my password",
	"dash.password.current":          "Current password",
	"dash.password.current.required": "Type your current password.",
	"dash.password.same":             "The new password must differ from the current one.",
	"dash.password.submit":           "Change the password",
	"dash.password.done":             "Password changed. A notice was sent to your recovery address.",
	"dash.recovery.title":            "Change my recovery address",
	"dash.recovery.intro":            "A code will be sent to the new address: it replaces the current one only once that code is typed.",
	"dash.recovery.new":              "New recovery address",
	"dash.recovery.new.hint":         "a personal address, for instance firstname.lastname@example.org",
	"dash.recovery.submit":           "Send the code",
	"dash.recovery.code":             "A code was sent to the new address %s",
	"dash.recovery.done":             "Recovery address replaced by %s; the old one was told.",
	"dash.redirection.title":         "Redirect my mail",
	"dash.redirection.address":       "Redirect to",
	"dash.redirection.address.hint":  "Any address other than your recovery address first receives a code.",
	"dash.redirection.keep":          "Keep a copy in the university mailbox",
	"dash.redirection.submit":        "Redirect to this address",
	"dash.redirection.self":          "Redirect to my recovery address",
	"dash.redirection.remove":        "Remove the redirection",
	"dash.redirection.code":          "A code was sent to %s to confirm the redirection.",
	"dash.redirection.done":          "Redirection set: to %s, %s.",
	"dash.redirection.removed":       "Redirection removed: your mail stays in the university mailbox.",
	"dash.key.logout":                "log out",
	"dash.confirm.password":          "Current password",
	"dash.confirm.password.hint":     "to confirm it is you",
	// --- a redirection to the mail de secours follows it when it changes
	"dash.recovery.done.followed":    "Recovery address replaced by %s; the old one was told. Your redirection follows: your mail now goes there, %s.",
	"helpdesk.correct.follow":        "University mail is redirected to this recovery address (%s): the redirection will follow, to the new address.",
	"helpdesk.correct.done.followed": "Recovery address corrected: %s. The old address is notified. The redirection followed: university mail now goes to %s, %s.",
	// --- helpdesk (console assistance). Entries with {date}, {time},
	// {datetime}, {n} or {text} are filled by name; the others by %s / %d.
	"helpdesk.title":              "Helpdesk console",
	"helpdesk.search.label":       "Find a person",
	"helpdesk.search.placeholder": "name, student number or identifiant",
	"helpdesk.search.audit":       "Audit log",
	"helpdesk.search.empty":       "Type a name, a student number or an identifiant.",
	"helpdesk.search.more":        "the first %d of %d: narrow the search",
	"helpdesk.search.count.one":   "%d person",
	"helpdesk.search.count.other": "%d people",
	"helpdesk.search.none":        "Nobody matches \"%s\".",
	"helpdesk.staff":              "staff",
	"helpdesk.state.active":       "active",
	"helpdesk.state.pending":      "not activated",
	"helpdesk.state.none":         "no account",
	"helpdesk.col.name":           "Name",
	"helpdesk.col.number":         "Student no.",
	"helpdesk.col.identifiant":    "Identifiant",
	"helpdesk.col.account":        "Account",
	"helpdesk.col.when":           "Date",
	"helpdesk.col.event":          "Event",
	"helpdesk.col.client":         "Client",
	"helpdesk.col.outcome":        "Outcome",
	"helpdesk.key.search":         "search / open",
	"helpdesk.key.gocase":         "change case",
	"helpdesk.key.audit":          "audit log",
	"helpdesk.key.tabs":           "tabs",
	"helpdesk.key.act":            "act",
	"helpdesk.key.case":           "next case",
	"helpdesk.key.event":          "event type",
	"helpdesk.key.filter":         "filter",
	"helpdesk.key.identifiant":    "identifiant",
	"helpdesk.key.pages":          "pages",
	"helpdesk.key.more":           "rest of the card",
	"helpdesk.keyname.space":      "Space",
	"helpdesk.error.notactive":    "This account is not activated yet: resend the activation code instead.",
	"helpdesk.error.identity":     "Check the person's identity first, then tick the box.",
	"helpdesk.error.notfound":     "This person has no account.",

	"helpdesk.tab.format":  "%d %s",
	"helpdesk.tab.card":    "Card",
	"helpdesk.tab.history": "History",
	"helpdesk.tab.walk":    "Walk-through",
	"helpdesk.tab.journal": "Log",

	"helpdesk.card.category":             "Person",
	"helpdesk.card.student":              "student",
	"helpdesk.card.staff":                "staff",
	"helpdesk.card.number":               "no. %s",
	"helpdesk.card.born":                 "date of birth %s",
	"helpdesk.card.account":              "Account",
	"helpdesk.card.account.none":         "none: no validated registration",
	"helpdesk.card.account.active":       "active, activated on %s",
	"helpdesk.card.account.early":        "not activated · activation possible from %s",
	"helpdesk.card.account.pending":      "not activated · activation possible since %s",
	"helpdesk.card.lastlogin":            "last login %s",
	"helpdesk.card.rights":               "Rights",
	"helpdesk.card.rights.until":         "until %s",
	"helpdesk.card.rights.ended":         "ended on %s",
	"helpdesk.card.rights.none":          "no rights open",
	"helpdesk.card.registrations":        "Registration",
	"helpdesk.card.noregistration":       "no registration in %d/%d",
	"helpdesk.card.recovery":             "Recovery address",
	"helpdesk.card.redirect":             "Redirection",
	"helpdesk.card.redirect.none":        "none",
	"helpdesk.card.redirect.copy":        "(copy kept)",
	"helpdesk.card.locks":                "Locks",
	"helpdesk.card.actions":              "Actions",
	"helpdesk.card.noaction":             "No action possible for this account.",
	"helpdesk.card.more.down":            "↓ more of the card: PgDn",
	"helpdesk.card.more.up":              "↑ top of the card: PgUp",
	"helpdesk.reg.valide":                "valid",
	"helpdesk.reg.annulee":               "cancelled",
	"helpdesk.pay.paye":                  "paid",
	"helpdesk.pay.en_attente":            "payment pending",
	"helpdesk.lock.login.free":           "login open",
	"helpdesk.lock.login.failures.one":   "login open, %d recent failure",
	"helpdesk.lock.login.failures.other": "login open, %d recent failures",
	"helpdesk.lock.login.locked":         "login locked until {time} (lock no. {n})",
	"helpdesk.lock.lookup.free":          "IA lookup open",
	"helpdesk.lock.lookup.locked":        "IA lookup blocked until {datetime}",
	"helpdesk.lock.lookup.disabled":      "IA lookup blocked (to unlock)",

	"helpdesk.action.resend":   "Resend the activation code",
	"helpdesk.action.reset":    "Send a reset code",
	"helpdesk.action.unlock":   "Unlock",
	"helpdesk.action.recovery": "Correct the recovery address",
	"helpdesk.confirm.for":     "%s · %s",
	"helpdesk.confirm.resend": "A new activation code will go to the recovery address {text}. The previous code will " +
		"stop working. You will never see the code: the person will read it in their mailbox.",
	"helpdesk.confirm.reset": "A reset code will go to the recovery address {text}. With it, the person will choose " +
		"their new password themselves. You will see neither the code nor the password.",
	"helpdesk.confirm.unlock": "This person's login lock and IA lookup limit will be lifted, and their recent " +
		"failures forgotten.",
	"helpdesk.confirm.yes":           "Confirm",
	"helpdesk.confirm.no":            "Cancel",
	"helpdesk.correct.ask":           "Ask for the student number and birth date (without saying them), then compare:",
	"helpdesk.correct.ask.staff":     "Ask for the birth date (without saying it), then compare:",
	"helpdesk.correct.number":        "Student number",
	"helpdesk.correct.birth":         "Birth date",
	"helpdesk.correct.current":       "Current recovery address",
	"helpdesk.correct.address":       "New recovery address",
	"helpdesk.correct.checked":       "Identity checked (student number and birth date)",
	"helpdesk.correct.checked.staff": "Identity checked (birth date)",
	"helpdesk.correct.yes":           "Correct",
	"helpdesk.done.sent.activation":  "Activation code created, mail queued for %s; another one possible at %s.",
	"helpdesk.done.sent.reset":       "Reset code created, mail queued for %s; another one possible at %s.",
	"helpdesk.done.unlock.both":      "Login and IA lookup unlocked.",
	"helpdesk.done.unlock.login":     "Login unlocked.",
	"helpdesk.done.unlock.lookup":    "IA lookup unlocked.",
	"helpdesk.done.unlock.none":      "Nothing was locked; recent failures are forgotten.",
	"helpdesk.done.recovery":         "Recovery address corrected: %s. The old address is notified.",

	"helpdesk.tl.empty":                 "Nothing recorded.",
	"helpdesk.tl.ia":                    "IA validated: %s",
	"helpdesk.tl.code.created":          "Code (%s) created, %s",
	"helpdesk.tl.code.used":             "Code (%s) used",
	"helpdesk.tl.code.replaced":         "Code (%s) replaced by a newer one",
	"helpdesk.tl.code.expired":          "Code (%s) expired",
	"helpdesk.tl.code.revoked":          "Code (%s) revoked",
	"helpdesk.tl.code.revoked.failures": "Code (%s) revoked after %d errors",
	"helpdesk.tl.code.revoked.recovery": "Code (%s) revoked (recovery address corrected)",
	"helpdesk.tl.by":                    "by %s",
	"helpdesk.tl.outcome":               "%s: %s",
	"helpdesk.purpose.activation":       "activation",
	"helpdesk.purpose.reset":            "reset",
	"helpdesk.purpose.recovery_mail":    "recovery address confirmation",
	"helpdesk.purpose.redirection":      "redirection confirmation",
	"helpdesk.tl.mail.none":             "mail withdrawn",
	"helpdesk.tl.mail.queued":           "mail queued for %s",
	"helpdesk.tl.mail.due":              "mail to %s due on %s",
	"helpdesk.tl.mail.sent":             "mail sent to %s on %s",
	"helpdesk.tl.mail.failed.one":       "mail to %[2]s not delivered after %[1]d attempt: %[3]s",
	"helpdesk.tl.mail.failed.other":     "mail to %[2]s not delivered after %[1]d attempts: %[3]s",
	"helpdesk.tl.mail.retrying.one":     "mail to %[2]s not sent yet, %[1]d failed attempt: %[3]s",
	"helpdesk.tl.mail.retrying.other":   "mail to %[2]s not sent yet, %[1]d failed attempts: %[3]s",
	"helpdesk.tl.mail.cancelled":        "mail to %s cancelled before it left",
	"helpdesk.tl.mail.used":             "mail to %s: code read in the outbox and used, mail held back",

	"helpdesk.event.LOGIN":                "Login",
	"helpdesk.event.LOGIN_ERROR":          "Login failed",
	"helpdesk.event.LOGOUT":               "Logout",
	"helpdesk.event.LOCK":                 "Lock",
	"helpdesk.event.UNLOCK":               "Unlock",
	"helpdesk.event.SEND_CODE":            "Code created",
	"helpdesk.event.CODE_ERROR":           "Code refused",
	"helpdesk.event.ACTIVATE":             "Account activated",
	"helpdesk.event.RESET_PASSWORD":       "Password reset",
	"helpdesk.event.UPDATE_PASSWORD":      "Password change",
	"helpdesk.event.UPDATE_RECOVERY_MAIL": "Recovery address change",
	"helpdesk.event.UPDATE_REDIRECTION":   "Redirection change",
	"helpdesk.event.IA_LOOKUP":            "IA lookup",
	"helpdesk.event.IA_LOOKUP_ERROR":      "IA lookup failed",
	"helpdesk.event.HELPDESK_ACTION":      "Helpdesk",
	"helpdesk.event.ROLE_CHANGE":          "Role changed",
	"helpdesk.event.IMPORT":               "Import",
	"helpdesk.event.ACCOUNT_CREATED":      "Account created",
	"helpdesk.event.HELPDESK_VIEW":        "Card viewed",

	"helpdesk.outcome.replaced":               "code from an earlier mail",
	"helpdesk.outcome.refused":                "refused",
	"helpdesk.outcome.wrong":                  "wrong",
	"helpdesk.outcome.LOGIN_ERROR.wrong":      "wrong password",
	"helpdesk.outcome.not_activated":          "account not activated",
	"helpdesk.outcome.locked":                 "locked",
	"helpdesk.outcome.rights_ended":           "rights ended",
	"helpdesk.outcome.granted":                "granted",
	"helpdesk.outcome.revoked":                "revoked",
	"helpdesk.outcome.unchanged":              "unchanged",
	"helpdesk.outcome.sent":                   "mail queued",
	"helpdesk.outcome.no_match":               "no match",
	"helpdesk.outcome.pending":                "waiting for activation",
	"helpdesk.outcome.client_blocked":         "client blocked",
	"helpdesk.outcome.lookup_locked":          "lookup blocked",
	"helpdesk.outcome.wrong_current_password": "wrong current password",
	"helpdesk.outcome.unknown":                "unknown identifiant",
	"helpdesk.outcome.unknown_identifiant":    "unknown identifiant",
	"helpdesk.outcome.ok":                     "ok",
	"helpdesk.outcome.CODE_ERROR.wrong":       "wrong code",
	"helpdesk.outcome.cleared":                "lifted",
	"helpdesk.outcome.import":                 "import",
	"helpdesk.outcome.viewed":                 "viewed",
	"helpdesk.outcome.LOGOUT.logout":          "by the person",
	"helpdesk.outcome.LOGOUT.idle":            "inactivity",
	"helpdesk.outcome.LOGOUT.home_key":        "home key",
	"helpdesk.outcome.LOGOUT.panic":           "internal error",
	"helpdesk.outcome.LOGOUT.stopped":         "kiosk stopped",
	"helpdesk.outcome.LOGOUT.quit":            "session quit",
	"helpdesk.outcome.LOGOUT.max_time":        "maximum time reached",
	"helpdesk.outcome.LOGOUT.shutdown":        "server shutdown",
	"helpdesk.outcome.LOGOUT.error":           "error",
	"helpdesk.outcome.LOGOUT.disconnect":      "SSH connection closed",

	"helpdesk.detail.try.activation":      "resending the activation code",
	"helpdesk.detail.try.reset":           "sending a reset code",
	"helpdesk.detail.try.unlock":          "unlocking",
	"helpdesk.detail.try.recovery":        "correcting the recovery address",
	"helpdesk.detail.try.console":         "opening the console",
	"helpdesk.detail.try.view":            "viewing the card",
	"helpdesk.detail.code":                "%s code",
	"helpdesk.detail.code.to":             "%s code, mail to %s",
	"helpdesk.detail.code.errors":         "%s code, error %d of %d",
	"helpdesk.detail.newreg":              "new registration %s, %s",
	"helpdesk.detail.created":             "IA validated on %s, %s",
	"helpdesk.detail.mail.due":            "activation mail to %s due on %s",
	"helpdesk.detail.mail.none":           "no activation mail: rights ended on %s",
	"helpdesk.detail.noredirection":       "no redirection",
	"helpdesk.detail.redirection":         "redirection to %s",
	"helpdesk.detail.redirect.removed":    "redirection removed",
	"helpdesk.detail.redirect.to":         "to %s",
	"helpdesk.detail.redirect.copy":       "to %s, copy kept",
	"helpdesk.detail.what.login":          "login",
	"helpdesk.detail.what.lookup":         "IA lookup",
	"helpdesk.detail.what.both":           "login and IA lookup",
	"helpdesk.detail.unlocked":            "unlocked: %s",
	"helpdesk.detail.unlock.none":         "nothing was locked",
	"helpdesk.detail.unlock.password":     "lock lifted by a new password",
	"helpdesk.detail.sent":                "new %s code, mail to %s",
	"helpdesk.detail.corrected.number":    "recovery address corrected, student number and birth date checked: %s",
	"helpdesk.detail.corrected.birth":     "recovery address corrected, birth date checked: %s",
	"helpdesk.detail.role.helpdesk":       "helpdesk role",
	"helpdesk.detail.number":              "no. %s",
	"helpdesk.detail.lock.login":          "login blocked for %s: %s",
	"helpdesk.detail.lock.why.failures":   "repeated failures",
	"helpdesk.detail.lock.why.automation": "attempts too close together",
	"helpdesk.detail.lock.client":         "client blocked for %s",
	"helpdesk.detail.lock.lookupclient":   "client blocked from IA lookup for %s",
	"helpdesk.detail.lock.lookupoff":      "IA lookup of no. %s blocked until the helpdesk unlocks it",
	"helpdesk.detail.lock.lookup":         "IA lookup of no. %s blocked until %s",
	"helpdesk.unit.seconds":               "%d\u00a0s",
	"helpdesk.unit.minutes":               "%d\u00a0min",
	"helpdesk.unit.hours":                 "%d\u00a0h",

	"helpdesk.reason.not_helpdesk":                             "not a helpdesk agent",
	"helpdesk.reason.mail_limit":                               "mail limit",
	"helpdesk.reason.too_early":                                "too early",
	"helpdesk.reason.rights_ended":                             "rights ended",
	"helpdesk.reason.invalid_address":                          "invalid address",
	"helpdesk.reason.account_already_active":                   "account already active",
	"helpdesk.reason.account_not_activated":                    "account not activated",
	"helpdesk.reason.same_address":                             "same address",
	"helpdesk.reason.redirection_to_the_account's_own_address": "the account's own address",
	"helpdesk.reason.identity_not_checked":                     "identity not checked",

	"helpdesk.audit.title":       "Audit log",
	"helpdesk.audit.identifiant": "Identifiant",
	"helpdesk.audit.all":         "empty: everybody",
	"helpdesk.audit.event":       "Event",
	"helpdesk.audit.every":       "all",
	"helpdesk.audit.page":        "page %d, newest first",
	"helpdesk.audit.none":        "No event for this filter.",

	"helpdesk.case.never_activated":            "Never activated",
	"helpdesk.case.forgot_password":            "Forgot password",
	"helpdesk.case.connection":                 "Login problem",
	"helpdesk.step.ia":                         "Registration (IA)",
	"helpdesk.step.identifiant":                "Identifiant",
	"helpdesk.step.rights":                     "Rights",
	"helpdesk.step.status":                     "Account",
	"helpdesk.step.window":                     "Activation window",
	"helpdesk.step.recovery":                   "Recovery address",
	"helpdesk.step.code":                       "Latest code",
	"helpdesk.step.mail":                       "Its mail",
	"helpdesk.step.login_lock":                 "Lock",
	"helpdesk.step.last_login":                 "Last login",
	"helpdesk.step.last_error":                 "Last failure",
	"helpdesk.step.lookup_lock":                "IA lookup",
	"helpdesk.step.password":                   "Password",
	"helpdesk.walk.ia.cancelled":               "registration {text} cancelled: no account",
	"helpdesk.walk.ia.none":                    "no validated registration: the account does not exist yet",
	"helpdesk.walk.ia.staff":                   "staff, account created on {date}",
	"helpdesk.walk.ia.valid":                   "validated on {datetime} ({text})",
	"helpdesk.walk.ia.previous":                "no registration this year; account created on {date}",
	"helpdesk.walk.identifiant.is":             "{text}, typed as is",
	"helpdesk.walk.rights.ended":               "ended on {date}: login is refused",
	"helpdesk.walk.rights.until":               "open until {date}",
	"helpdesk.walk.status.active":              "activated on {date}",
	"helpdesk.walk.status.pending":             "never activated",
	"helpdesk.walk.window.early":               "open from {datetime} (IA validated less than 15 min ago)",
	"helpdesk.walk.window.open":                "open since {datetime}",
	"helpdesk.walk.recovery.address":           "{text}: is it theirs, can they read it?",
	"helpdesk.walk.code.none":                  "no {purpose} code so far",
	"helpdesk.walk.code.none.any":              "no activation or reset code so far",
	"helpdesk.walk.code.live":                  "{purpose} code, valid until {datetime} ({n}/5 typing errors)",
	"helpdesk.walk.code.revoked":               "{purpose} code revoked on {datetime}",
	"helpdesk.walk.code.revoked_failures":      "{purpose} code revoked on {datetime} after 5 typing errors",
	"helpdesk.walk.code.revoked_recovery":      "{purpose} code revoked on {datetime}: recovery address corrected",
	"helpdesk.walk.code.expired":               "{purpose} code expired on {datetime}, unused",
	"helpdesk.walk.code.used":                  "{purpose} code used on {datetime}",
	"helpdesk.walk.code.superseded":            "{purpose} code replaced by another on {datetime}",
	"helpdesk.walk.mail.unknown":               "no mail for this code (withdrawn): it will not arrive",
	"helpdesk.walk.mail.sent":                  "left for {to} on {datetime}",
	"helpdesk.walk.mail.failed.one":            "not delivered to {to} after %d attempt: {text}",
	"helpdesk.walk.mail.failed.other":          "not delivered to {to} after %d attempts: {text}",
	"helpdesk.walk.mail.cancelled":             "cancelled before it left for {to}",
	"helpdesk.walk.mail.due":                   "will leave for {to} on {datetime}",
	"helpdesk.walk.mail.queued":                "not sent yet: queued for {to} since {datetime}",
	"helpdesk.walk.mail.retrying.one":          "not sent yet to {to}: %d failed attempt ({text}), it will be retried",
	"helpdesk.walk.mail.retrying.other":        "not sent yet to {to}: %d failed attempts ({text}), it will be retried",
	"helpdesk.walk.login_lock.disabled":        "identifiant blocked until the helpdesk unlocks it",
	"helpdesk.walk.login_lock.locked":          "locked until {time} (lock no. {n})",
	"helpdesk.walk.login_lock.failures.one":    "%d failure in 15 min (locked at 5)",
	"helpdesk.walk.login_lock.failures.other":  "%d failures in 15 min (locked at 5)",
	"helpdesk.walk.login_lock.free":            "not locked",
	"helpdesk.walk.last_login.never":           "never",
	"helpdesk.walk.last_login.at":              "on {datetime}",
	"helpdesk.walk.last_error.none":            "none",
	"helpdesk.walk.last_error.at":              "on {datetime}: {text}",
	"helpdesk.walk.lookup_lock.disabled.one":   "blocked after %d failure in a row: to unlock",
	"helpdesk.walk.lookup_lock.disabled.other": "blocked after %d failures in a row: to unlock",
	"helpdesk.walk.lookup_lock.locked.one":     "blocked until {datetime} (%d failure in 24 h)",
	"helpdesk.walk.lookup_lock.locked.other":   "blocked until {datetime} (%d failures in 24 h)",
	"helpdesk.walk.lookup_lock.free":           "open",
	"helpdesk.walk.password.changed":           "chosen on {date}",
	"helpdesk.next.resend_activation": "To do: resend the activation code. A new code is created and its mail queued " +
		"for the recovery address; the old code stops working: the person uses the newest mail.",
	"helpdesk.next.send_reset": "To do: send a reset code. With it, the person chooses their new password themselves.",
	"helpdesk.next.unlock":     "To do: unlock, then let the person log in. Password forgotten: then send a reset code.",
	"helpdesk.next.correct_recovery": "To do: the mail was not delivered ({text}): the address is probably wrong. " +
		"Check it with the person, correct the recovery address (after checking identity), then resend a code.",
	"helpdesk.next.correct_recovery.noreason": "To do: the mail was not delivered: the address is probably wrong. " +
		"Check it with the person, correct the recovery address (after checking identity), then resend a code.",
	"helpdesk.next.wait": "To do: wait until {datetime}. Nothing is possible before; the code's mail is due then.",
	"helpdesk.next.check_mail": "To do: the mail left on {datetime}. The person looks for the newest mail (spam " +
		"included) and uses that code only. Nothing received: check the recovery address with them, correct it if " +
		"needed, then resend a code.",
	"helpdesk.next.mail_queued": "To do: the mail has not left yet: the person cannot have received it, and resending " +
		"a code would not be faster. Still queued in a few minutes: tell the technical team.",
	"helpdesk.next.scolarite": "To do: no validated registration, so no account. Send the person to their faculty's " +
		"registration office{office}.",
	"helpdesk.next.rights_ended":         "To do: nothing here. Rights have ended; a new registration (IA) reopens access.",
	"helpdesk.next.case_never_activated": "The account was never activated: go to the \"Never activated\" case (Enter).",
	"helpdesk.next.case_forgot":          "The account is already active: go to the \"Forgot password\" case (Enter).",
	"helpdesk.next.check_typing": "To do: nothing is blocked. Check the identifiant typed (homonyms' number), the " +
		"keyboard (AZERTY or QWERTY) and Caps Lock. Password forgotten: send a reset code.",
	"helpdesk.next.enter": "Enter: %s",

	// The console's page of Aide (screens/help.go: agents only).
	"help.console": "Helpdesk console",
	"help.console.text": `The console helps a person on the phone or at the desk: find them, see what is blocking, act. You never see a password or a code. Every card you open and every action is written to the audit log, in your name.

## Search
Type a name, a student number or an identifiant, then Enter. ↑/↓ chooses a person, Enter opens their card. Tab leads to the audit log; Esc goes back to the dashboard.

## A person's card
←/→ (or 1 to 4) changes tabs; Esc goes back to the search.
1. Card: the person, the account, the rights, this year's registrations, the recovery address (masked), the locks. ↑/↓ chooses an action, Enter opens it; PgDn/PgUp shows the rest of the card when it does not fit on the screen.
2. History: what happened to the account, newest first; ✗ marks a problem. ↑/↓ and PgUp/PgDn scroll.
3. Walk-through: the checks in order for the person's case (Tab changes the case), then what to do; Enter opens the action offered.
4. Log: the person's audit lines. Tab chooses the event type, ↑/↓ a line (in full at the bottom of the screen), PgDn/PgUp changes pages.

## The actions
The card offers only the actions possible for this account now. Each is confirmed on a page of its own, then written to the audit log.
- Resend the activation code: account never activated, rights open, from {delay} min after the IA was validated. A new code goes to the recovery address; the previous one stops working.
- Send a reset code: account activated, rights open. With the code, the person chooses their new password themselves.
- Unlock: login locked, recent failures counted or IA lookup blocked. The lock is lifted and recent failures forgotten.
- Correct the recovery address: rights open, and only after checking the person's identity.
A code is valid {lifetime} h and is revoked after {tries} typing errors. Another one may be sent after {resend} s, and at most {mails} mails an hour.

## Before correcting the recovery address
Ask for the student number and the birth date without saying them, then compare them with those the page shows (staff: the birth date only). Tick "Identity checked" only if they match. Codes sent to the old address stop working, and the old address is told of the change.

## The audit log
From the search (Tab, then Enter): the whole log, newest first. Filter by identifiant or student number (Enter) and by event type (Tab, then ←/→).`,

	// --- the dashboard reads the account again; the audit tables
	"helpdesk.col.identifiant.short": "Account",
	"dash.key.refresh":               "refresh",
	"dash.refreshed":                 "Account read again: what is shown is up to date.",
	"dash.role.granted":              "Helpdesk role granted: the console is in the menu.",
	"dash.role.revoked":              "Helpdesk role removed: the console is no longer in the menu.",

	// --- the command line, the demo, the console's audit
	"helpdesk.reason.resend_cooldown": "wait between two codes",
	"cli.lang.help":                   "language of the messages and labels: fr or en",
	"cli.import.dir":                  "import: \"%s\" is a folder, not a CSV file.",
	"cli.import.missing":              "import: %s: no such file or folder",
	"cli.import.denied":               "import: \"%s\": reading refused by the file's permissions; run the import as a user who can read it.",
	"cli.import.unreadable":           "import: \"%s\": cannot be read (%s).",
	"cli.import.empty":                "import: \"%s\" is empty: it needs at least the header line (the column names).",
	"cli.import.utf16":                "import: \"%s\" is in UTF-16: save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\").",
	"cli.import.notutf8":              "import: \"%s\" is not UTF-8: save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\").",
	"cli.import.noheader":             "import: \"%s\" has no header line: the first line gives the column names (numero_etudiant;nom;prenom;…).",
	"cli.import.ignored":              "column ignored: %s",
	"cli.import.account":              "account created: %s",
	"cli.import.refusal":              "refused: %s",
	"cli.import.summary":              "lines: %s, %s, %s, %s; accounts created: %d",
	"cli.import.created.one":          "%d created",
	"cli.import.created.other":        "%d created",
	"cli.import.updated.one":          "%d updated",
	"cli.import.updated.other":        "%d updated",
	"cli.import.unchanged.one":        "%d unchanged",
	"cli.import.unchanged.other":      "%d unchanged",
	"cli.import.refused.one":          "%d refused",
	"cli.import.refused.other":        "%d refused",
	"cli.import.failed.one":           "import: %d line refused, the other lines are saved",
	"cli.import.failed.other":         "import: %d lines refused, the other lines are saved",
	"cli.date.none":                   "%s: --%s: the date %s does not exist.",
	"cli.audit.none":                  "(no event)",
	"cli.audit.limit.one":             "the newest event only (--limit to see more)",
	"cli.audit.limit.other":           "the %d newest events only (--limit to see more)",
	"cli.date.bad":                    "%s: --%s %q: a date dd/mm/yyyy or yyyy-mm-dd",
	"helpdesk.audit.none.unknown":     "No event for \"%s\": it is neither a known identifiant nor a known student number. Type a full identifiant (firstname.lastname) or a student number (8 digits).",
	"helpdesk.audit.none.person":      "No event for \"%s\".",
	"helpdesk.audit.none.event":       "No \"%s\" event for \"%s\": choose \"%s\" in Event to see their whole log.",

	// --- ssh
	"ssh.nopty":         "An interactive terminal is required: connect with \"ssh -t\", without a command.",
	"ssh.exec":          "This service runs no command: connect without one.",
	"ssh.subsystem":     "This service offers neither sftp nor scp.",
	"ssh.token.bad":     "This link is not valid: type the code from the mail.",
	"ssh.token.expired": "This link has expired (24 h): ask for a new code below.",
	"ssh.token.active":  "Your account is already activated: log in with your password.",
	"ssh.token.used":    "This link was already used or replaced: use the latest mail.",
	"ssh.token.error":   "This link could not be opened: try again, or type the code from the mail.",
	"ssh.end.idle":      "Session closed after a period of inactivity. Connect again to continue.",
	"ssh.end.maxtime":   "Session closed: maximum duration reached. Connect again to continue.",
	"ssh.end.shutdown":  "The service is restarting: session closed. Connect again in a moment.",
	"ssh.end.error":     "An internal error closed the session. Connect again; if it happens again, contact the helpdesk.",

	// --- helpdesk: the list of the cases (huh)
	"helpdesk.choice.title":   "What is the person's problem?",
	"helpdesk.key.choosecase": "choose the case",

	// --- mailbox: a mail cancelled before it went (its code no longer works)
	"mailbox.cancelled.tag": "(cancelled) ",
	"mailbox.used.tag":      "(code used) ",
	"mailbox.used":          "This mail's code has been used: the mail no longer needs to be sent.",
	"mailbox.cancelled":     "Mail cancelled before it was sent: its code no longer works (a newer code was sent, or this one was already used or revoked).",

	// --- web page (tui/webserver): the page around the terminal
	"web.title":          "ENT — IT account",
	"web.heading":        "ENT, IT account",
	"web.terminal":       "ENT terminal: use the keyboard, Tab moves from one field to the next",
	"web.noscript":       "This page needs JavaScript to show the interface.",
	"web.lost":           "Connection lost.",
	"web.reconnect":      "Reconnect",
	"web.failed":         "Cannot connect: the service may be busy or restarting.",
	"web.ended":          "Session ended.",
	"web.ended.idle":     "Session closed after a period of inactivity.",
	"web.ended.max_time": "Session closed: maximum duration reached.",
	"web.ended.shutdown": "The service is restarting: session closed. Reconnect in a moment.",
	"web.ended.error":    "An internal error closed the session. If it happens again, contact the helpdesk.",
	"web.newsession":     "New session",
	"web.help.remote":    "From home, on a computer or a phone, the same service opens in a browser at:\n  %s",
	"web.keys":           "Keys missing from the phone's keyboard",
	"web.small":          "Window too small: the interface needs at least %d × %d characters (here %d × %d). Turn the phone sideways or enlarge the window.",

	// --- login queue (the hashing queue on a busy morning)
	"queue.next":        "Your turn is next, about %d s…",
	"queue.ahead.one":   "%d person ahead of you, about %d s…",
	"queue.ahead.other": "%d people ahead of you, about %d s…",
	// --- accessible mode (tui/accessible): sentences for a screen reader, one question at a time
	"key.accessible":               "accessible",
	"a11y.leave":                   "Back to the usual display (full screen)",
	"a11y.ask":                     "%s, %s:",
	"a11y.ask.plain":               "%s:",
	"a11y.check":                   "Point %d of %d: %s.",
	"a11y.pair":                    "%s: %s",
	"a11y.console.title":           "Helpdesk console. Find a person: name, student number or identifiant.",
	"a11y.console.search":          "Search (Enter alone: back to my account):",
	"a11y.console.hit":             "%s, %s, %s, account %s",
	"a11y.console.open":            "Which card to open?",
	"a11y.console.again":           "New search",
	"a11y.console.card":            "Card of %s.",
	"a11y.console.history":         "History",
	"a11y.console.walk":            "Guided walk-through",
	"a11y.console.walk.title":      "Guided walk-through: %s.",
	"a11y.console.problem":         "problem: %s",
	"a11y.console.check.ok":        "%s: fine. %s",
	"a11y.console.check.problem":   "%s: problem. %s",
	"a11y.console.check.info":      "%s: %s",
	"a11y.console.run":             "%s now?",
	"a11y.console.confirm":         "Do you confirm?",
	"a11y.console.identity":        "Is the identity checked (number and birth date given by the person, the same)?",
	"a11y.login.password":          "Type the password again",
	"a11y.login.other":             "Use another identifiant",
	"a11y.console.journal":         "Journal (the %d newest events)",
	"a11y.activation.done.how":     "To log in, give your identifiant (%s is enough) and the password you just chose: at an ENT kiosk on campus (key F3 for this mode), or from home with ssh, user acces (see the help).",
	"a11y.charter.refuse":          "Without your agreement you cannot use your account: answering No logs you out.",
	"a11y.charter.refused":         "without agreeing to the charter, the account cannot be used: you are logged out.",
	"a11y.activation.code.nothing": "Nothing came? Check the identifiant you typed and your spam folder; or press Enter without typing anything to go back to the start and identify yourself with your student number.",
	"a11y.welcome":                 "University of Montpellier, digital workspace, computer account. Accessible mode: each question waits for an answer on one line, ended with Enter. Choices are numbered: type the number. Ctrl+C goes back to the start.",
	"a11y.demo":                    "Demonstration: the mails sent are read in \"Demonstration mails\".",
	"a11y.home.title":              "Start.",
	"a11y.home.question":           "What do you want to do? Type the number of your choice.",
	"a11y.next.question":           "What do you want to do?",
	"a11y.help.question":           "Help: which topic do you want to read?",
	"a11y.choice.invalid":          "type a number from 1 to %d, then Enter.",
	"a11y.error":                   "Error: %s",
	"a11y.success":                 "Done: %s",
	"a11y.field":                   "%s: %s.",
	"a11y.yes":                     "Yes",
	"a11y.no":                      "No",
	"a11y.home":                    "Back to the start",
	"a11y.back":                    "Back",
	"a11y.lang":                    "Français : utiliser le service en français",
	"a11y.quit":                    "Quit",
	"a11y.bye":                     "Goodbye.",
	"a11y.secret":                  "(what you type is not shown)",
	"a11y.login.for":               "Identifiant: %s.",
	"a11y.login.again":             "Try again",
	"a11y.loggedout":               "you are logged out.",
	"a11y.activation.for":          "Identifiant: %s.",
	"a11y.activation.empty":        "You do not know it? Press Enter without typing anything.",
	"a11y.activation.retype":       "Type the identifiant again",
	"a11y.charter.question":        "Have you read the charter, and do you accept it?",
	"a11y.code.menu":               "Press Enter without typing anything to get a new code or go back to the start.",
	"a11y.code.ok":                 "code accepted.",
	"a11y.code.type":               "Type the code",
	"a11y.code.demo":               "Demonstration: the mail is read in \"Demonstration mails\", at the start (or with the command entkiosk outbox).",
	"a11y.password.rules":          "Choose your password. It is asked twice. The rules:",
	"a11y.rule.todo":               "%s.",
	"a11y.rule.ok":                 "met: %s.",
	"a11y.rule.no":                 "not met: %s.",
	"a11y.strength":                "strength: %s. %s",
	"a11y.registration":            "Registration %d of %d:",
	"a11y.service":                 "%s, %s: %s.",
	"a11y.mailbox":                 "Demonstration mails",
	"a11y.mailbox.empty":           "No mail yet.",
	"a11y.mailbox.count.one":       "%d mail, newest first. Which one to read?",
	"a11y.mailbox.count.other":     "%d mails, newest first. Which one to read?",
	"a11y.mail.label":              "to %s: %s",
	"a11y.mail.to":                 "To",
	"a11y.mail.subject":            "Subject",
	"a11y.mail.date":               "Date",
	"a11y.idle.wipe":               "Without an answer, everything will be erased and the start will come back in %d seconds. Type your answer to stay.",
	"a11y.idle.close":              "Without an answer, the session will close in %d seconds. Type your answer to stay.",
	"a11y.idle.wiped":              "Session erased after a period of inactivity.",
	"a11y.idle.closed":             "Session closed after a period of inactivity. Connect again to go on.",

	// --- the institution (its file: --institution) and its charter
	"common.registration.default":   "registration office (scolarité) of your faculty or institute",
	"help.contact.none":             "contact details not given here: ask your institution's front desk",
	"charter.required":              "Tick the box to accept the charter and go on.",
	"charter.title":                 "New charter of use",
	"charter.intro":                 "The charter for the use of digital resources has changed (version %s). Read it and accept it to go on.",
	"charter.refuse":                "Without your agreement you cannot use your account: Esc logs you out.",
	"helpdesk.event.ACCEPT_CHARTER": "Charter accepted",
	"helpdesk.detail.charter":       "version %s",
	// --- enumeration and codes (issues 12, 13): "First login" answers every identifiant alike
	"activation.code.sent":             "A mail was sent to this account's personal address: %s. It holds your activation code, or tells you what applies to this account.",
	"activation.code.nothing":          "Nothing came? Check the identifiant you typed and your spam folder, or identify yourself with your student number (Esc).",
	"activation.answer.active":         "Your account is already activated: this code was used to activate it.",
	"activation.answer.active.next":    "Log in with your identifiant and your password. Forgot your password? Choose \"Forgot password\".",
	"activation.answer.login":          "Log in",
	"activation.answer.forgot":         "Forgot password",
	"error.code.earlier.expired":       "This code is from an earlier mail, which expired (it was valid until %s). A new mail left at %s for %s: type the code it holds.",
	"error.code.earlier.expired.none":  "This code is from an earlier mail, which expired (it was valid until %s). Ask for a new code.",
	"error.code.earlier.replaced":      "This code is from an earlier mail, replaced by the one that left at %s for %s: type the code of the latest mail.",
	"error.code.earlier.used":          "This code was already used (%s): it no longer works.",
	"error.code.earlier.revoked":       "This code is from an earlier mail and no longer works: type the code of the latest mail.",
	"helpdesk.state.ended":             "rights ended",
	"helpdesk.event.nocode":            "Code asked for",
	"helpdesk.request.activation":      "first login",
	"helpdesk.request.reset":           "forgotten password",
	"helpdesk.request.recovery_mail":   "recovery address confirmation",
	"helpdesk.request.redirection":     "redirection confirmation",
	"helpdesk.detail.nocode.ended":     "%s: rights ended on %s: no code sent",
	"helpdesk.detail.nocode.active":    "%s: account already active: no code sent",
	"helpdesk.detail.nocode.notice":    "%s; notice sent to %s",
	"helpdesk.outcome.already_active":  "account already active",
	"helpdesk.outcome.earlier_expired": "code of an earlier mail, expired",
	"helpdesk.outcome.earlier_used":    "code already used",
	"helpdesk.outcome.earlier_revoked": "code of an earlier mail, revoked",
	"helpdesk.correct.review":          "New recovery address, in full: read it back to the person, character by character, before saving it.",
	"helpdesk.correct.review.why":      "Once saved, it is only shown masked.",
	"helpdesk.correct.save":            "Save",
	"helpdesk.correct.edit":            "Change it",
	"helpdesk.correct.send":            "Send a new code",
	"helpdesk.correct.send.why":        "The codes sent to the old address no longer work and no longer count towards the limit of 3 an hour: a new code can go at once.",
	"helpdesk.correct.tocard":          "Back to the card",

	// --- store hardening (issue 13): addresses, login ceiling, audit chain
	"cli.audit.verify.help":         "checks the log's hash chain: says where it breaks (an entry edited, deleted or inserted)",
	"cli.audit.verify.ok.one":       "chain intact: %d entry",
	"cli.audit.verify.ok.other":     "chain intact: %d entries",
	"cli.audit.verify.unchained":    "of which %d written before the chain (an older entkiosk), not verifiable",
	"cli.audit.verify.head":         "last entry: id %d, hash %s (record it elsewhere: a chain rewritten whole will not match it)",
	"cli.audit.verify.edited":       "break at entry id %d (%s): entry edited, or inserted",
	"cli.audit.verify.missing":      "break at entry id %d (%s): entries id %d to %d missing (deleted)",
	"cli.audit.verify.broken.one":   "audit --verify: chain broken in %d place (see above)",
	"cli.audit.verify.broken.other": "audit --verify: chain broken in %d places (see above)",
	"helpdesk.lock.login.closed":    "password login closed after 100 failures in a row (to unlock, or a reset code)",
	"error.login.closed":            "Too many failures: login closed. Use “Login problem”.",
	"error.email.char":              "The character “%c” is not accepted in a mail address: letters without accents, digits and . _ - + before the @; letters without accents, digits, . and - after it.",
	// --- directory (LDAP): what the campus directory refused, in the person's words
	"error.directory.unavailable":                           "The university directory is not answering: nothing was changed. Please try again in a few minutes.",
	"error.directory.missing":                               "Your account is not in the university directory yet: try again tomorrow or contact the helpdesk.",
	"error.directory.policy.short":                          "The university directory refuses this password: it is too short. Choose a longer one.",
	"error.directory.policy.history":                        "You have already used this password: choose one you have never used.",
	"error.directory.policy.young":                          "Your password was just changed: the directory does not accept another one so soon. Please try again later.",
	"error.directory.policy.other":                          "The university directory refuses this password: choose another one, longer and more varied.",
	"helpdesk.card.directory":                               "Directory",
	"helpdesk.card.directory.known":                         "present",
	"helpdesk.card.directory.missing":                       "not in the directory: activation waits until the directory has it (usually the next day)",
	"helpdesk.card.directory.down":                          "the directory is not answering",
	"helpdesk.card.directory.pending.one":                   "%d change waiting",
	"helpdesk.card.directory.pending.other":                 "%d changes waiting",
	"helpdesk.card.directory.failed.one":                    "%d change failed (entkiosk directory --status failed)",
	"helpdesk.card.directory.failed.other":                  "%d changes failed (entkiosk directory --status failed)",
	"helpdesk.outcome.directory_unavailable":                "the directory did not answer",
	"helpdesk.outcome.not_in_directory":                     "not in the directory",
	"helpdesk.reason.directory":                             "by the directory",
	"helpdesk.reason.directory_policy_too_short":            "directory: password too short",
	"helpdesk.reason.directory_policy_in_history":           "directory: password used before",
	"helpdesk.reason.directory_policy_changed_too_recently": "directory: changed too recently",
	"helpdesk.reason.directory_policy_insufficient_quality": "directory: password too weak",
	"helpdesk.reason.directory_policy_unknown_rule":         "directory: password rules",
	// --- screens (issue 12): the password checklist, staff, help lines, helpdesk card
	"password.rule.forbidden.item":            "\"%s\" (position %d)",
	"password.rule.forbidden.several":         "characters not allowed: %s",
	"lookup.wrong":                            "Something missing or wrong? Contact your student office (service de scolarité).",
	"helpdesk.lock.login.locked.nocount":      "login locked until {time}",
	"helpdesk.walk.login_lock.locked.nocount": "locked until {time}",
	"helpdesk.audit.number":                   "no. %s",
	"helpdesk.step.ia.staff":                  "Account (staff)",
	// --- fixes (tester's round): a login refused because the directory is down
	"error.directory.unavailable.login":   "The university directory is not answering: you cannot log in for now. Please try again in a few minutes.",
	"helpdesk.detail.lock.closed":         "password login closed after %s failures in a row, until a reset by code or an unlock by the helpdesk",
	"helpdesk.outcome.login_closed":       "login closed",
	"helpdesk.outcome.LOGIN_ERROR.closed": "login closed (too many failures)",
	"cli.audit.verify.missing.one":        "break at entry id %d (%s): entry id %d missing (deleted)",
	"error.directory.policy.short.min":    "The university directory refuses this password: it is too short (at least %d characters). Choose a longer one.",
	// contracts (issue 11.2): audit details said from their kind
	"helpdesk.detail.lock.lookuppair": "IA lookup of no. %s blocked from this client until %s",
	"helpdesk.detail.unlock.reopened": "password login reopened by a new password",
}
