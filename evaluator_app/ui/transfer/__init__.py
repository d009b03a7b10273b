"""Files in and out: importing agreements, panel packages and their merge report, backups."""
