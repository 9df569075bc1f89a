"""The class's reports and prints (CSV, HTML, certificate PDFs), shared by tools/classroom.py
and teacher mode. Plain Python and fpdf2: nothing here imports pygame or the screens."""
