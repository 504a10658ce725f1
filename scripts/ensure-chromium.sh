#!/usr/bin/env bash
# Installs Debian's Chromium (and an emoji font, so screenshots show the bot's ✅ and ⬜)
# for the playground's browser tests. Needs root, as CI containers have; does nothing
# when both are already there.
set -euo pipefail

emoji_font=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
if [ -x /usr/bin/chromium ] && [ -f "$emoji_font" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: Chromium is missing; run this as root, or: sudo apt-get install -y chromium fonts-noto-color-emoji" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium fonts-noto-color-emoji
/usr/bin/chromium --version
