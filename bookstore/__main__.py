import sys

from bookstore.cli.main import main

sys.exit(main())
