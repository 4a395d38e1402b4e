package en

// help: help (Aide).
var help = map[string]string{
	// The topics' texts (help.<topic>.text) take the rules' figures by
	// number (Common.helpText): %[1]d the password's least length, %[2]d its
	// recommended length, %[3]d its greatest, %[4]d the minutes between the
	// registration and the activation, %[5]d a code's hours of life, %[6]d
	// the wrong codes allowed, %[7]d the seconds before a code is sent
	// again, %[8]d the code mails an hour, %[9]d a code's digits, %[10]d
	// the idle seconds, %[11]d the countdown's seconds, %[12]s the
	// students' mail domain, %[13]s the staff's, %[14]s the helpdesk's
	// contact, %[15]s how to connect from home.
	// help (Aide)
	"help.title":       "Help",
	"help.more":        "↓ more (PgDn or Space)",
	"help.end":         "— end —",
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
It reads firstname.lastname@%[12]s (staff: firstname.lastname@%[13]s), in lower case, without accents or apostrophes; spaces and other separators become "-".
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
	"help.activation.text": `Your account is created when your administrative registration (IA) is validated. You can activate it %[4]d minutes after the validation; before that, the screen says from what time.

1. On the home screen, choose "First login".
2. Type your identifiant. Don't know it? Give your student number (8 digits) and birth date (ddmmyyyy).
3. An %[9]d-digit code goes to your personal mail address (the one given at registration), shown masked: ca•••••n@gmail.com. It is valid for %[5]d h.
4. Type the code. Nothing came? Look in your spam folder, then "Send the code again" (possible after %[7]d s): the old code stops working.
5. Read the computing charter and accept it.
6. Choose whether your university mailbox is redirected to another address (optional, can be changed later).
7. Choose your password (see "Password rules") and confirm it.

Done: the screen shows your identifiant again. Log in with it and your new password, at a kiosk or from home (see "Connecting from home", the next topic).

An account already activated is never activated again: if you forgot the password, go through "Login problem".`,
	"help.recovery.text": `"Login problem" offers three paths.

## I forgot my password
1. Type your identifiant.
2. An %[9]d-digit code goes to your recovery address, shown masked. It is valid for %[5]d h, for one use.
3. Type the code, then choose a new password.
For safety, the answer is the same whether the identifiant exists or not: if no mail comes, check the identifiant with "Look up my registration (IA)".

## I never activated my account
Follow "First login": the code goes to your personal address.

## I have trouble logging in
- check the identifiant (firstname.lastname, no accents) and the Caps Lock key;
- after several wrong passwords, logging in is blocked for a while: wait, or reset your password;
- your access may have ended: see "End of access".

## Codes
After %[6]d wrong codes, the code no longer works: ask for a new one. Each new code replaces the previous one. At most %[8]d code mails per hour.`,
	"help.password.text": `The university's rules, checked for every new password:
- at least %[1]d characters (%[2]d recommended), at most %[3]d;
- at least one digit and at least one letter;
- none of the characters < > " ' $ (the screen names the character and its position);
- not a dictionary word (French or English) nor a common password, even with digits or signs at the end or substitutions (0 for o, 3 for e, @ for a…);
- not built on your names, identifiant, student number or birth date.

Each rule ticks as you type; the strength meter recommends %[2]d characters. A few unrelated words with a digit are easy to remember and hard to guess.

A refused password keeps what you typed: correct it. After each change, a notice goes to your recovery address.

Never give your password to anyone: the helpdesk never asks for it.`,
	"help.mail.text": `The recovery address (mail de secours) is your personal address: it receives the codes when you forget your password, and the notices of changes to your account. At first, it is the address given at registration. It cannot be a university address: without your password, you could not read it.

## Changing it
1. My account → "Recovery address".
2. Type the new address and your current password: an %[9]d-digit code is sent to the new address.
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
- after %[10]d s without a key, everything typed or shown is wiped and the home screen comes back; a countdown shows for the last %[11]d seconds (any key keeps you there, and still counts);
- choose "Log out" before leaving;
- Ctrl+C goes back home and wipes everything; Esc goes back to the previous screen (on "My account", it logs out);
- passwords and codes are never shown in clear.

F1 opens this help from any screen, F2 switches to French.

## Demo kiosk
On a demo kiosk (DEMO badge), F4 opens the demo mailbox: the mails the service sent, with their codes, to try it without a second address.`,
	"help.contact.text": `ENT helpdesk: %[14]s.

Have your identifiant or student number at hand. Once it has checked who you are, the helpdesk can resend the activation code, send a reset code, unblock logging in, or correct your recovery address.

The helpdesk will never ask for your password or for a code received by mail.`,
	"help.remote.command": "From home, the same service opens in a terminal (see below) with this command:\n  ssh -p %d %s",
	"help.remote.nohost":  "From home, the same service opens in a terminal (see below) with the ssh command. The server's address is not given here: ask the helpdesk for it%s.",
	"help.remote.text": `%[15]s

ssh asks for no password: the usual login screen appears. At the very first connection, ssh shows the server's key fingerprint (SHA256:…) and asks whether to continue: compare it with the one published on the ENT's help page, and answer yes only if they are the same.

## A terminal?
- Windows: PowerShell or Terminal (Start menu); ssh is already installed.
- macOS: Terminal (Applications › Utilities).
- Linux: your desktop's terminal (often Ctrl+Alt+T).

## Links in the mails
Activation and reset mails contain an ssh://… link and the matching command: open the one, or paste the other into a terminal, and the step opens directly (the charter, or the new password), without typing the code again.

## Leaving
Ctrl+C at home closes the session (or q, when the cursor is not in a field). It also closes by itself after a while without a key; a countdown warns you first.`,
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
- Resend the activation code: account never activated, rights open, from %[4]d min after the IA was validated. A new code goes to the recovery address; the previous one stops working.
- Send a reset code: account activated, rights open. With the code, the person chooses their new password themselves.
- Unlock: login locked, recent failures counted or IA lookup blocked. The lock is lifted and recent failures forgotten.
- Correct the recovery address: rights open, and only after checking the person's identity.
A code is valid %[5]d h and is revoked after %[6]d typing errors. Another one may be sent after %[7]d s, and at most %[8]d mails an hour.

## Before correcting the recovery address
Ask for the student number and the birth date without saying them, then compare them with those the page shows (staff: the birth date only). Tick "Identity checked" only if they match. Codes sent to the old address stop working, and the old address is told of the change.

## The audit log
From the search (Tab, then Enter): the whole log, newest first. Filter by identifiant or student number (Enter) and by event type (Tab, then ←/→).`,
	"help.contact.none": "contact details not given here: ask your institution's front desk",
}
