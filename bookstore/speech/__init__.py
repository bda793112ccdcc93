"""Issues read aloud: sentences in the issue's language, the voice for it and the system's
speech engine (espeak-ng or speech-dispatcher), without Qt."""
