package contract

// InstallButton is the page header's Install button (ui.InstallButton): in
// the page, hidden, whenever the browser offers no install prompt.
const InstallButton = "install"
