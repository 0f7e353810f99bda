package ui

import (
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// InstallButton offers to install the app where the browser would (it
// fired beforeinstallprompt: go-app's app.js keeps that event from the
// page's start, before the wasm runs), and hides once the app is installed
// (appinstalled, or the page runs as the installed app: display-mode
// standalone) or the prompt has been used.
type InstallButton struct {
	app.Compo

	installable bool
}

// OnMount reads whether the browser has offered to install the app.
func (b *InstallButton) OnMount(ctx app.Context) { b.installable = ctx.IsAppInstallable() }

// OnAppInstallChange is go-app's: beforeinstallprompt or appinstalled.
func (b *InstallButton) OnAppInstallChange(ctx app.Context) { b.installable = ctx.IsAppInstallable() }

// onInstall shows the browser's install prompt. The prompt can be shown
// once: the button hides until the browser offers it again.
func (b *InstallButton) onInstall(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
	b.installable = false
}

// Render draws the button, hidden while there is nothing to install.
func (b *InstallButton) Render() app.UI {
	return app.Button().ID(contract.InstallButton).Type("button").Class("install").
		Hidden(!b.installable).
		Title("Install the annotator as an app on this device: it opens in its own window and works offline").
		OnClick(guardEvent("installing", b.onInstall)).
		Text("Install app")
}
