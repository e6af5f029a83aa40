from klviz.cli import main

raise SystemExit(main())
