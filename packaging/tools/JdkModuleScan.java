import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints "jar -> module" for every JDK module (other than java.base) whose packages a jar's classes refer to,
 * read from the class files' constant pools. Used by jdk-modules.sh for jars too big for jdeps (it did not
 * finish microsoft-graph, 40,000 classes, in over an hour). Run: java packaging/tools/JdkModuleScan.java JAR...
 */
public final class JdkModuleScan {
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+);");

    public static void main(String[] jars) throws IOException {
        Map<String, String> moduleOfPackage = new HashMap<>();
        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
            ref.descriptor().packages().forEach(p -> moduleOfPackage.put(p, ref.descriptor().name()));
        }
        for (String jar : jars) {
            Set<String> modules = new TreeSet<>();
            try (ZipFile zip = new ZipFile(jar)) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (isClassFor17(entry.getName())) {
                        for (String type : referencedTypes(zip, entry)) {
                            int slash = type.lastIndexOf('/');
                            String module = slash < 0 ? null : moduleOfPackage.get(type.substring(0, slash).replace('/', '.'));
                            if (module != null && !module.equals("java.base")) {
                                modules.add(module);
                            }
                        }
                    }
                }
            }
            String name = jar.substring(jar.lastIndexOf('/') + 1);
            modules.forEach(m -> System.out.println(name + " -> " + m));
        }
    }

    private static boolean isClassFor17(String name) {
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
            return false;
        }
        if (name.startsWith("META-INF/versions/")) {
            int end = name.indexOf('/', 18);
            return end > 18 && Integer.parseInt(name.substring(18, end)) <= 17;
        }
        return true;
    }

    /** Class names of CONSTANT_Class entries plus every type named in a descriptor or signature. */
    private static Set<String> referencedTypes(ZipFile zip, ZipEntry entry) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(zip.getInputStream(entry)))) {
            in.readInt();
            in.readInt();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            Set<Integer> classNames = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNames.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + entry.getName());
                }
            }
            Set<String> types = new HashSet<>();
            for (int index : classNames) {
                if (utf8[index] != null && !utf8[index].startsWith("[")) {
                    types.add(utf8[index]);
                }
            }
            for (String s : utf8) {
                if (s != null) {
                    Matcher m = TYPE_IN_DESCRIPTOR.matcher(s);
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                }
            }
            return types;
        }
    }
}
