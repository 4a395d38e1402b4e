package screens

// Placeholder until the screen is written.
func NewMailbox(c *Common, nav NavigateMsg) Screen { return &wip{c, "mailbox"} }
