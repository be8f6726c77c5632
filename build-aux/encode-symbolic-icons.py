#!/usr/bin/env python3
"""Pre-renders the stencil icons as GTK's symbolic PNGs, and writes the resource list that holds
them beside the SVGs.

    encode-symbolic-icons.py ENCODER SVG_LIST SVG_DIR OUT_DIR SIZE...

For each SVG that SVG_LIST (a GResource XML) names, ENCODER (gtk4-encode-symbolic-svg) makes a
SIZExSIZE `NAME.symbolic.png`, written to OUT_DIR as `SIZE-NAME.symbolic.png`. OUT_DIR gets
`stencils-all.gresource.xml`: SVG_LIST's resources, and for each size one more under the same
icon path's `SIZExSIZE/actions`, where GtkIconTheme prefers them to the SVG at that size. A PNG
takes its SVG's name in the resource (the file's `alias`, else its file name). GTK
draws such a PNG in any colour at once; an SVG it renders through librsvg three times over.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) < 6:
        sys.stderr.write(__doc__)
        return 2
    encoder, svg_list, svg_dir, out_dir = argv[1:5]
    sizes = [int(s) for s in argv[5:]]
    root = ET.parse(svg_list).getroot()
    prefixes = [r.get('prefix') for r in root.iter('gresource')]
    files = [f for f in root.iter('file') if f.text.strip().endswith('.svg')]
    names = [f.text.strip() for f in files]
    aliases = [f.get('alias', f.text.strip()) for f in files]
    if len(prefixes) != 1 or not prefixes[0].endswith('/scalable/actions') or not names:
        sys.stderr.write('%s: expected one resource of SVGs under …/scalable/actions\n' % svg_list)
        return 1
    base = prefixes[0][:-len('/scalable/actions')]

    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for name in names:
                stem = name[:-len('.svg')]
                subprocess.run([encoder, '-o', tmp, os.path.join(svg_dir, name),
                                '%dx%d' % (size, size)], check=True)
                shutil.move(os.path.join(tmp, stem + '.symbolic.png'),
                            os.path.join(out_dir, '%d-%s.symbolic.png' % (size, stem)))

    out = ET.Element('gresources')
    svgs = ET.SubElement(out, 'gresource', prefix=prefixes[0])
    for name, alias in zip(names, aliases):
        ET.SubElement(svgs, 'file', alias=alias, preprocess='xml-stripblanks').text = name
    for size in sizes:
        pngs = ET.SubElement(out, 'gresource', prefix='%s/%dx%d/actions' % (base, size, size))
        for name, alias in zip(names, aliases):
            ET.SubElement(pngs, 'file', alias=alias[:-len('.svg')] + '.symbolic.png').text = \
                '%d-%s.symbolic.png' % (size, name[:-len('.svg')])
    ET.indent(out)
    ET.ElementTree(out).write(os.path.join(out_dir, 'stencils-all.gresource.xml'),
                              encoding='UTF-8', xml_declaration=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
