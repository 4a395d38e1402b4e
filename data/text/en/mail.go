package en

// mail: the mails, by kind (mail.<kind>.subject, .intro, .action, .notyou,
// ...) and the lines every mail shares. An intro or a next step takes %[1]s
// the date and time of the change ("le jeudi ..."), %[2]s the new address
// (masked), %[3]s the end of the rights.
var mail = map[string]string{
	"mail.activation.subject": "Activate your computer account",
	"mail.activation.staff":   "Your staff computer account has been created: it is ready to be activated.",
	"mail.activation.intro": "Your administrative registration has been validated: " +
		"your computer account is ready to be activated.",
	"mail.activation.action": "To activate it, choose \"First login\" on an ENT kiosk, give your identifiant, " +
		"then enter this code:",
	"mail.activation.notyou": "If this message is not meant for you, delete it and, if you can, tell the helpdesk: " +
		"the address given at registration is probably wrong.",

	"mail.reset.subject":  "Reset your password",
	"mail.reset.intro":    "A password reset was requested for your computer account (\"Login problem\").",
	"mail.reset.helpdesk": "The helpdesk asked for a password reset of your computer account on your behalf.",
	"mail.reset.action":   "To choose a new password, enter this code:",
	"mail.reset.notyou": "If you did not ask for this, ignore this message: your current password still " +
		"works and nothing changes without this code.",

	"mail.confirm_recovery.subject": "Confirm your recovery address",
	"mail.confirm_recovery.intro": "This address was given as the new recovery address (mail de secours) of your " +
		"computer account.",
	"mail.confirm_recovery.action": "To confirm it, enter this code:",
	"mail.confirm_recovery.notyou": "If you did not ask for this, ignore this message: this address will not be " +
		"recorded without this code.",

	"mail.confirm_redirection.subject": "Confirm your mail redirection",
	"mail.confirm_redirection.intro":   "This address was given to receive the messages of your university mailbox.",
	"mail.confirm_redirection.action":  "To confirm the redirection, enter this code:",
	"mail.confirm_redirection.notyou": "If you did not ask for this, ignore this message: no message will be forwarded " +
		"to this address without this code.",

	"mail.password_changed.subject": "Your password was changed",
	"mail.password_changed.intro":   "The password of your computer account was changed %[1]s.",
	"mail.password_changed.notyou": "If it was you, there is nothing to do. Otherwise someone may know your password: " +
		"choose a new one at once with \"Login problem\" on an ENT kiosk, then tell the helpdesk.",

	"mail.recovery_changed.subject": "Your recovery address was changed",
	"mail.recovery_changed.intro": "The recovery address of your computer account was replaced %[1]s by %[2]s. " +
		"This address will no longer receive reset codes.",
	"mail.recovery_changed.notyou": "If you did not make this change, contact the helpdesk at once: someone probably " +
		"knows your password.",

	"mail.redirection_changed.subject": "Your mail redirection was changed",
	"mail.redirection_changed.intro": "The redirection of your university mailbox was changed %[1]s: messages now go " +
		"to %[2]s.",
	"mail.redirection_changed.removed": "The redirection of your university mailbox was removed %[1]s: messages now stay " +
		"in your university mailbox.",
	"mail.redirection_changed.notyou": "If you did not make this change, choose a new password at once with \"Login " +
		"problem\" on an ENT kiosk, then tell the helpdesk.",

	"mail.already_active.subject": "Your computer account is already activated",
	"mail.already_active.intro": "The activation of your computer account was asked for (\"First login\"): your " +
		"account is already active, there is nothing to activate.",
	"mail.already_active.next": "Log in with your identifiant and your password. Forgot your password? Choose \"Login " +
		"problem\" on an ENT kiosk: a code will be sent to this address.",
	"mail.already_active.notyou": "If you did not ask for this, ignore this message: nothing changed on your account.",

	"mail.rights_ended.subject": "Your computer account is closed",
	"mail.rights_ended.intro": "The activation of your computer account was asked for (\"First login\"): your " +
		"access rights ended on %[3]s, the account can no longer be activated or used.",
	"mail.rights_ended.next": "It will be opened again if you register again, as soon as your administrative " +
		"registration is validated. For any question, contact the helpdesk.",
	"mail.rights_ended.notyou": "If you did not ask for this, ignore this message: nothing changed on your account.",

	"mail.hello":        "Hello %s,",
	"mail.hello.noname": "Hello,",
	"mail.identifiant":  "Identifiant: %s",
	"mail.code":         "Code: %s",
	"mail.expires": "This code is valid until %s, for one use only. After that, ask for a " +
		"new one from the same screen.",
	"mail.secret":              "Do not give this code to anyone: the helpdesk will never ask you for it.",
	"mail.previous_expired":    "The code of your previous mail had expired unused: only the code below works.",
	"mail.link.ssh":            "From a computer, you can also open this step directly:",
	"mail.link.terminal":       "or, in a terminal:",
	"mail.link.browser":        "You can also open this step directly in a browser, from a computer or a phone:",
	"mail.contact":             "ENT helpdesk: %s",
	"mail.date.paris":          "Paris time",
	"mail.date.at":             "at",
	"mail.date.first":          "1",
	"mail.date.on":             "on %s",
	"mail.signature":           "ENT — computer account",
	"mail.signature.automatic": "Automatic message: please do not reply.",
	"mail.day.0":               "Sunday",
	"mail.day.1":               "Monday",
	"mail.day.2":               "Tuesday",
	"mail.day.3":               "Wednesday",
	"mail.day.4":               "Thursday",
	"mail.day.5":               "Friday",
	"mail.day.6":               "Saturday",
	"mail.month.1":             "January",
	"mail.month.2":             "February",
	"mail.month.3":             "March",
	"mail.month.4":             "April",
	"mail.month.5":             "May",
	"mail.month.6":             "June",
	"mail.month.7":             "July",
	"mail.month.8":             "August",
	"mail.month.9":             "September",
	"mail.month.10":            "October",
	"mail.month.11":            "November",
	"mail.month.12":            "December",
	"mail.signature.both":      "ENT — compte informatique / computer account",
}
