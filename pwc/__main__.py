import sys

from pwc.cli import main

sys.exit(main())
